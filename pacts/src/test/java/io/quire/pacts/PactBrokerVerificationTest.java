package io.quire.pacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.pacts.RecordedBroker.Received;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The broker path of {@link QuireWebContractTest}, against a stub broker that answers with recorded
 * responses ({@link RecordedBroker}, {@code src/test/resources/broker/}).
 *
 * <p>Each test runs the real {@link QuireWebContractTest} (the application under test is the shared
 * integration-test context) with {@code PACT_BROKER_BASE_URL} and the other settings given as
 * system properties, which {@link PactSettings} reads before environment variables. {@link
 * Isolated}: no other test class runs meanwhile, so none sees those properties.
 */
@Isolated
class PactBrokerVerificationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String RESULTS =
      "/pacts/provider/quire-api/consumer/quire-web/.*/verification-results";
  private static final String BRANCH_VERSION = "/pacticipants/quire-api/branches/.*/versions/.*";

  private RecordedBroker broker;

  @BeforeEach
  void startTheBroker() {
    broker = new RecordedBroker();
  }

  @AfterEach
  void stopTheBroker() {
    broker.close();
  }

  @Test
  void fetchesWithTheSelectorsPendingAndWipPactsAndOutsideCiPublishesNothing() throws IOException {
    TestExecutionSummary run = verifyAgainstTheBroker(false);

    List<Received> fetches = broker.received("POST", "/pacts/provider/quire-api/for-verification");
    assertThat(fetches).hasSize(1);
    assertThat(JSON.readTree(fetches.get(0).body()))
        .isEqualTo(
            JSON.readTree(
                """
                {
                  "consumerVersionSelectors": [
                    {"mainBranch": true},
                    {"deployedOrReleased": true},
                    {"matchingBranch": true}
                  ],
                  "includePendingStatus": true,
                  "providerVersionTags": [],
                  "includeWipPactsSince": "2026-11-15",
                  "providerVersionBranch": "main"
                }
                """));
    assertThat(broker.received())
        .as("every request to the broker carries the token")
        .extracting(Received::authorization)
        .containsOnly("Bearer recorded-token");
    // Both recorded pacts were verified: two interactions of the main pact, and the pending
    // work-in-progress one, whose failure does not fail the run.
    assertThat(run.getTestsSucceededCount()).as(failures(run)).isEqualTo(3);
    assertThat(run.getTestsFailedCount()).as(failures(run)).isZero();
    assertThat(broker.received("POST", RESULTS)).as("results published without CI=true").isEmpty();
    assertThat(broker.received("PUT", BRANCH_VERSION)).isEmpty();
  }

  @Test
  void inCiPublishesEachPactsResultForTheProviderVersionAndBranch() throws IOException {
    TestExecutionSummary run = verifyAgainstTheBroker(true);

    assertThat(run.getTestsFailedCount()).as(failures(run)).isZero();
    Map<String, JsonNode> resultsByPactVersion = new HashMap<>();
    for (Received result : broker.received("POST", RESULTS)) {
      String pactVersion = result.path().split("/pact-version/")[1].split("/")[0];
      resultsByPactVersion.put(pactVersion.substring(0, 4), JSON.readTree(result.body()));
    }
    assertThat(resultsByPactVersion).containsOnlyKeys("6f1e", "0c1d");
    JsonNode main = resultsByPactVersion.get("6f1e");
    assertThat(main.get("success").asBoolean()).isTrue();
    assertThat(main.get("providerApplicationVersion").asText()).isEqualTo("0.1.0-7cce296");
    // The work-in-progress pact failed (pending): its failure is recorded for its consumer.
    assertThat(resultsByPactVersion.get("0c1d").get("success").asBoolean()).isFalse();
    assertThat(broker.received("PUT", BRANCH_VERSION))
        .extracting(Received::path)
        .containsOnly("/pacticipants/quire-api/branches/main/versions/0.1.0-7cce296");
  }

  @Test
  void aFailingInteractionOfAPactThatIsNotPendingFailsTheRun() {
    broker.close();
    broker = RecordedBroker.withNothingPending();

    TestExecutionSummary run = verifyAgainstTheBroker(false);

    assertThat(run.getTestsSucceededCount()).isEqualTo(2);
    assertThat(run.getFailures())
        .singleElement()
        .satisfies(
            failure ->
                assertThat(failure.getTestIdentifier().getDisplayName())
                    .contains("a readiness probe that names the build"));
  }

  /** Runs {@link QuireWebContractTest} with the broker's settings as system properties. */
  private TestExecutionSummary verifyAgainstTheBroker(boolean ci) {
    Map<String, String> settings = new HashMap<>(RecordedBroker.environment(broker.url(), ci));
    // Whatever this machine's environment says: blank is unset, system properties come first.
    settings.put(PactSettings.BROKER_USERNAME, "");
    settings.put(PactSettings.BROKER_PASSWORD, "");
    settings.put(PactSettings.WIP_SINCE, "2026-11-15");
    Map<String, String> before = new HashMap<>();
    settings.keySet().forEach(name -> before.put(name, System.getProperty(name)));
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    try {
      settings.forEach(System::setProperty);
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request()
                  .selectors(selectClass(QuireWebContractTest.class))
                  .build(),
              listener);
    } finally {
      before.forEach(
          (name, value) -> {
            if (value == null) {
              System.clearProperty(name);
            } else {
              System.setProperty(name, value);
            }
          });
    }
    return listener.getSummary();
  }

  private static String failures(TestExecutionSummary run) {
    return run.getFailures().stream()
        .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
        .collect(Collectors.joining("\n", "failures of the verification run:\n", ""));
  }
}

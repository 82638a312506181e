package io.quire.pacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import au.com.dius.pact.core.model.DirectorySource;
import au.com.dius.pact.core.model.Pact;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which pacts the provider test verifies, and when it publishes results. */
class PactSettingsTest {

  private static final UnaryOperator<String> GIT =
      what -> what.equals("version") ? "7cce2960c0ffee" : "contracts";
  private static final UnaryOperator<String> NO_GIT = what -> null;

  private static PactSettings settings(Map<String, String> environment, UnaryOperator<String> git) {
    return PactSettings.from(environment::get, git);
  }

  private static Map<String, String> broker(String... more) {
    Map<String, String> environment = new HashMap<>();
    environment.put(PactSettings.BROKER_URL, "https://broker.example");
    for (int i = 0; i < more.length; i += 2) {
      environment.put(more[i], more[i + 1]);
    }
    return environment;
  }

  @Test
  void withoutABrokerThePactsComeFromTheFolderAndNothingIsPublishedEvenInCi() {
    PactSettings settings = settings(Map.of(PactSettings.CI, "true"), GIT);

    assertThat(settings.fromBroker()).isFalse();
    assertThat(settings.publishResults()).isFalse();
    assertThat(settings.pactProperties())
        .containsExactly(Map.entry("pact.verifier.publishResults", "false"));
  }

  @Test
  void aBlankBrokerUrlCountsAsUnset() {
    assertThat(settings(Map.of(PactSettings.BROKER_URL, "  "), GIT).fromBroker()).isFalse();
  }

  @Test
  void withABrokerResultsArePublishedOnlyWhenCiIsTrue() {
    assertThat(settings(broker(), GIT).publishResults()).isFalse();
    assertThat(settings(broker(PactSettings.CI, "false"), GIT).publishResults()).isFalse();
    assertThat(settings(broker(PactSettings.CI, "1"), GIT).publishResults()).isFalse();
    assertThat(settings(broker(PactSettings.CI, "true"), GIT).publishResults()).isTrue();
    assertThat(settings(broker(PactSettings.CI, "TRUE"), GIT).publishResults()).isTrue();
  }

  @Test
  void theProviderVersionAndBranchDefaultToGitAndAreWhatPactJvmPublishesWith() {
    PactSettings fromGit = settings(broker(PactSettings.CI, "true"), GIT);
    PactSettings given =
        settings(
            broker(
                PactSettings.CI, "true",
                PactSettings.PROVIDER_VERSION, "1.4.0",
                PactSettings.PROVIDER_BRANCH, "main"),
            GIT);

    assertThat(fromGit.pactProperties())
        .containsEntry("pact.verifier.publishResults", "true")
        .containsEntry("pact.provider.version", "7cce2960c0ffee")
        .containsEntry("pact.provider.branch", "contracts");
    assertThat(given.pactProperties())
        .containsEntry("pact.provider.version", "1.4.0")
        .containsEntry("pact.provider.branch", "main");
    assertThat(given.resolver().resolveValue("pact.provider.branch", "")).isEqualTo("main");
    assertThat(given.resolver().resolveValue("pact.verifier.publishResults", "false"))
        .isEqualTo("true");
  }

  @Test
  void aBrokerRunNeedsTheProviderBranchAndAPublishingOneItsVersion() {
    assertThatThrownBy(() -> settings(broker(), NO_GIT))
        .hasMessageContaining(PactSettings.PROVIDER_BRANCH);
    assertThatThrownBy(
            () ->
                settings(
                    broker(PactSettings.CI, "true", PactSettings.PROVIDER_BRANCH, "main"), NO_GIT))
        .hasMessageContaining(PactSettings.PROVIDER_VERSION);
    assertThat(settings(broker(PactSettings.PROVIDER_BRANCH, "main"), NO_GIT).providerVersion())
        .as("a run that publishes nothing needs no version")
        .isNull();
  }

  @Test
  void aBrokerUsernameWithoutItsPasswordIsRefused() {
    assertThatThrownBy(() -> settings(broker(PactSettings.BROKER_USERNAME, "ci"), GIT))
        .hasMessageContaining(PactSettings.BROKER_PASSWORD);
  }

  @Test
  void theResolverLeavesOtherNamesToSystemPropertiesAndTheEnvironment() {
    PactSettings.Resolver resolver = settings(broker(), GIT).resolver();

    assertThat(resolver.resolveValue("quire.pacts.unset.name:fallback")).isEqualTo("fallback");
    assertThat(resolver.resolveValue("pact_do_not_track", "false")).isEqualTo("true");
    assertThat(resolver.propertyDefined("pact.provider.branch")).isTrue();
  }

  @Test
  void withoutABrokerTheLoaderReadsTheConsumersFilesFromTheFolder() throws Exception {
    QuirePactLoader loader = new QuirePactLoader(QuireWebContractTest.class);
    loader.setValueResolver(settings(Map.of(), GIT).resolver());

    List<Pact> pacts = loader.load("quire-api");

    assertThat(loader.getPactSource()).isInstanceOf(DirectorySource.class);
    assertThat(pacts).extracting(pact -> pact.getConsumer().getName()).containsExactly("quire-web");
  }
}

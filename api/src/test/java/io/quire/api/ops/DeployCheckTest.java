package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quire.QuireApplication;
import io.quire.api.ops.DeployCheck.Problem;
import io.quire.api.testing.ExtraServers;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * With the prod profile the application refuses to start on a development configuration, one
 * refusal per setting, all reported at once. Each test starts the application: the check refuses
 * before any bean exists, so these starts open no database and no port (the settings that pass
 * point at a database that is never contacted); {@code DeployCheckIntegrationTest} starts a
 * configuration that passes.
 */
class DeployCheckTest {

  private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  /** A production configuration that passes: each test spoils one setting. */
  private static Map<String, String> production() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/never_contacted");
    settings.put("quire.secret-key", KEY);
    settings.put("quire.admin.username", "root");
    settings.put("quire.admin.password", "sixteen-chars-ok");
    settings.put("quire.docs.enabled", "false");
    settings.put("quire.docs.in-prod", "false");
    return settings;
  }

  /** Starts the application with the prod profile and these settings; answers its refusal. */
  private static DeployCheckFailedException refusal(Map<String, String> settings) {
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    DeployCheckFailedException refused =
        catchThrowableOfType(
            DeployCheckFailedException.class,
            () ->
                ExtraServers.start(
                        new SpringApplicationBuilder(QuireApplication.class)
                            .profiles(DeployCheck.PROFILE)
                            .build(),
                        args)
                    .close());
    assertThat(refused).as("the server refused to start").isNotNull();
    return refused;
  }

  private static Map<String, String> productionWith(String setting, String value) {
    Map<String, String> settings = production();
    settings.put(setting, value);
    return settings;
  }

  @Test
  void refusesTheEmbeddedH2Database() {
    DeployCheckFailedException refused =
        refusal(
            productionWith("spring.datasource.url", "jdbc:h2:file:./data/quire;MODE=PostgreSQL"));

    assertThat(refused.problems())
        .extracting(Problem::setting)
        .containsExactly("SPRING_DATASOURCE_URL");
    assertThat(refused.getMessage())
        .contains("embedded H2 database")
        .contains("jdbc:postgresql://")
        .contains("SPRING_DATASOURCE_USERNAME");
  }

  @Test
  void refusesToStartWithoutASecretKey() {
    DeployCheckFailedException refused = refusal(productionWith("quire.secret-key", ""));

    assertThat(refused.problems()).extracting(Problem::setting).containsExactly("QUIRE_SECRET_KEY");
    assertThat(refused.getMessage()).contains("QUIRE_SECRET_KEY", "openssl rand -base64 32");
  }

  @Test
  void refusesAnInitialAdministratorPasswordShorterThan16Characters() {
    DeployCheckFailedException refused =
        refusal(productionWith("quire.admin.password", "fifteen-chars-x"));

    assertThat(refused.problems())
        .extracting(Problem::setting)
        .containsExactly("QUIRE_ADMIN_PASSWORD");
    assertThat(refused.getMessage())
        .contains("fewer than 16 characters")
        .doesNotContain("fifteen-chars-x");
  }

  @Test
  void refusesTheInteractiveDocumentationUnlessItIsAllowed() {
    DeployCheckFailedException refused = refusal(productionWith("quire.docs.enabled", "true"));

    assertThat(refused.problems())
        .extracting(Problem::setting)
        .containsExactly("QUIRE_DOCS_ENABLED");
    assertThat(refused.getMessage())
        .contains("/api/docs/", "QUIRE_DOCS_ENABLED=false", "QUIRE_DOCS_IN_PROD=true");
  }

  @Test
  void reportsEveryProblemAtOnceWithWhatToDo() {
    Map<String, String> development = new LinkedHashMap<>();
    development.put("quire.admin.username", "root");
    development.put("quire.admin.password", "short-password");
    development.put("quire.secret-key", "");

    DeployCheckFailedException refused = refusal(development);

    assertThat(refused.problems())
        .extracting(Problem::setting)
        .containsExactly(
            "SPRING_DATASOURCE_URL",
            "QUIRE_SECRET_KEY",
            "QUIRE_ADMIN_PASSWORD",
            "QUIRE_DOCS_ENABLED");
    assertThat(refused.getMessage()).startsWith("The deploy check (profile prod) found 4 problems");
    FailureAnalysis analysis = new DeployCheckFailureAnalyzer().analyze(refused);
    assertThat(analysis.getDescription()).isEqualTo(refused.getMessage());
    assertThat(analysis.getAction())
        .contains(
            "SPRING_DATASOURCE_URL, QUIRE_SECRET_KEY, QUIRE_ADMIN_PASSWORD, QUIRE_DOCS_ENABLED")
        .contains("SPRING_PROFILES_ACTIVE=prod");
  }

  @Test
  void whatPassesSixteenCharactersNoAdministratorAndDocsAllowedOnPurpose() {
    MockEnvironment settings = new MockEnvironment();
    production().forEach(settings::setProperty);
    // What application.yml makes of quire.docs.enabled.
    settings.setProperty("springdoc.swagger-ui.enabled", "false");
    assertThat(DeployCheck.problems(settings)).isEmpty();

    settings.setProperty("quire.admin.password", "");
    settings.setProperty("quire.admin.username", "");
    assertThat(DeployCheck.problems(settings)).as("no initial administrator").isEmpty();

    settings.setProperty("springdoc.swagger-ui.enabled", "true");
    settings.setProperty("quire.docs.in-prod", "true");
    assertThat(DeployCheck.problems(settings)).as("docs served on purpose").isEmpty();

    settings.setProperty("quire.admin.password", "sixteen-çhars-ok");
    assertThat(DeployCheck.problems(settings)).as("characters, not bytes").isEmpty();
  }

  @Test
  void withoutTheProdProfileNothingIsChecked() {
    MockEnvironment development = new MockEnvironment();
    development.setActiveProfiles("default");
    GenericApplicationContext context = new GenericApplicationContext();
    context.setEnvironment(development);
    assertThat(DeployCheck.problems(development)).as("what the check would find").hasSize(3);

    assertThatCode(
            () ->
                new DeployCheck()
                    .onApplicationEvent(
                        new ApplicationPreparedEvent(
                            new SpringApplication(), new String[0], context)))
        .doesNotThrowAnyException();
  }
}

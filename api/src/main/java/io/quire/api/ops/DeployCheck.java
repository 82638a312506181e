package io.quire.api.ops;

import io.quire.kernel.common.Characters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertyResolver;

/**
 * The deploy check, like Django's {@code check --deploy}: with the {@value #PROFILE} profile
 * ({@code SPRING_PROFILES_ACTIVE=prod}) the server refuses to start on a configuration meant for a
 * developer's machine, and says what to change:
 *
 * <ul>
 *   <li>the embedded H2 database ({@code SPRING_DATASOURCE_URL} unset or {@code jdbc:h2:...});
 *   <li>no {@code QUIRE_SECRET_KEY} (the key would be generated next to the data);
 *   <li>an initial administrator's {@code QUIRE_ADMIN_PASSWORD} shorter than {@value
 *       #MIN_ADMIN_PASSWORD} characters;
 *   <li>the interactive API documentation ({@code /api/docs/}) on, unless {@code
 *       QUIRE_DOCS_IN_PROD=true} says it is meant to be.
 * </ul>
 *
 * <p>Every problem is reported at once ({@link DeployCheckFailedException}, presented by {@link
 * DeployCheckFailureAnalyzer}). The check runs when the application's configuration is complete and
 * before any bean is created (registered in {@code META-INF/spring.factories}), so a refused server
 * has not opened a database, migrated anything or listened on a port.
 */
public class DeployCheck implements ApplicationListener<ApplicationPreparedEvent> {

  /** The profile of production servers. */
  public static final String PROFILE = "prod";

  /** The fewest characters of the initial administrator's password in production. */
  public static final int MIN_ADMIN_PASSWORD = 16;

  /** One setting that is not fit for production, and what to do about it. */
  public record Problem(String setting, String explanation) {
    @Override
    public String toString() {
      return setting + ": " + explanation;
    }
  }

  @Override
  public void onApplicationEvent(ApplicationPreparedEvent event) {
    ConfigurableEnvironment environment = event.getApplicationContext().getEnvironment();
    if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
      return;
    }
    List<Problem> problems = problems(environment);
    if (!problems.isEmpty()) {
      throw new DeployCheckFailedException(problems);
    }
  }

  /** What is wrong with {@code settings} for production; empty when nothing is. */
  public static List<Problem> problems(PropertyResolver settings) {
    List<Problem> problems = new ArrayList<>();
    String url = settings.getProperty("spring.datasource.url", "").strip();
    if (url.isEmpty() || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      problems.add(
          new Problem(
              "SPRING_DATASOURCE_URL",
              "the server would run on the embedded H2 database, which is for development (one"
                  + " process, a file in QUIRE_DATA_DIR). Set SPRING_DATASOURCE_URL to a"
                  + " PostgreSQL database (jdbc:postgresql://<host>:5432/<database>), with"
                  + " SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD."));
    }
    if (settings.getProperty("quire.secret-key", "").isBlank()) {
      problems.add(
          new Problem(
              "QUIRE_SECRET_KEY",
              "it is not set, so the key that seals integration secrets would be generated into"
                  + " QUIRE_DATA_DIR/secret-key, beside the data, and lost with that folder. Set"
                  + " QUIRE_SECRET_KEY to the output of `openssl rand -base64 32`, and keep it"
                  + " out of the database's backups."));
    }
    String password = settings.getProperty("quire.admin.password", "");
    if (!password.isBlank() && Characters.count(password) < MIN_ADMIN_PASSWORD) {
      problems.add(
          new Problem(
              "QUIRE_ADMIN_PASSWORD",
              "the initial administrator's password has fewer than "
                  + MIN_ADMIN_PASSWORD
                  + " characters; it is a staff account, which reads the whole event stream."
                  + " Choose one of at least "
                  + MIN_ADMIN_PASSWORD
                  + " characters (`openssl rand -base64 24`), or unset QUIRE_ADMIN_USERNAME and"
                  + " QUIRE_ADMIN_PASSWORD once the administrator exists."));
    }
    boolean docs = settings.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true);
    if (docs && !settings.getProperty("quire.docs.in-prod", Boolean.class, false)) {
      problems.add(
          new Problem(
              "QUIRE_DOCS_ENABLED",
              "the interactive API documentation (/api/docs/) is on. Turn it off with"
                  + " QUIRE_DOCS_ENABLED=false (the OpenAPI document at /api/schema/ stays), or"
                  + " serve it in production on purpose with QUIRE_DOCS_IN_PROD=true."));
    }
    return problems;
  }
}

package io.quire.pacts;

import au.com.dius.pact.core.support.expressions.SystemPropertyResolver;
import au.com.dius.pact.core.support.expressions.ValueResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Where the provider test gets its pacts, and whether it publishes results ({@code
 * docs/contracts.md}).
 *
 * <p>Read from the environment, each name as a system property first and then as an environment
 * variable, the way pact-jvm reads its own settings:
 *
 * <ul>
 *   <li>{@code PACT_BROKER_BASE_URL}: set, the pacts come from that broker ({@link BrokerPacts}:
 *       consumer version selectors, pending and WIP pacts); unset or blank, from the folder {@code
 *       src/test/resources/pacts}.
 *   <li>{@code PACT_BROKER_TOKEN}, or {@code PACT_BROKER_USERNAME} and {@code
 *       PACT_BROKER_PASSWORD}: the broker's credentials.
 *   <li>{@code CI}: verification results are published to the broker only when it is {@code true},
 *       so a developer's run never records a result.
 *   <li>{@code PACT_PROVIDER_VERSION} and {@code PACT_PROVIDER_BRANCH}: the provider version the
 *       results are published for and its branch (the broker needs the branch for pending pacts and
 *       the {@code matchingBranch} selector). By default, the git commit and branch.
 *   <li>{@code PACT_BROKER_WIP_SINCE}: the date from which work-in-progress pacts are included.
 * </ul>
 */
record PactSettings(String brokerUrl, boolean ci, String providerVersion, String providerBranch) {

  static final String BROKER_URL = "PACT_BROKER_BASE_URL";
  static final String BROKER_TOKEN = "PACT_BROKER_TOKEN";
  static final String BROKER_USERNAME = "PACT_BROKER_USERNAME";
  static final String BROKER_PASSWORD = "PACT_BROKER_PASSWORD";
  static final String PROVIDER_VERSION = "PACT_PROVIDER_VERSION";
  static final String PROVIDER_BRANCH = "PACT_PROVIDER_BRANCH";
  static final String WIP_SINCE = "PACT_BROKER_WIP_SINCE";
  static final String CI = "CI";

  /** The settings of this run: system properties, then environment variables, then git. */
  static PactSettings current() {
    return from(PactSettings::systemPropertyOrEnvironment, PactSettings::git);
  }

  /**
   * The settings from these values ({@code lookup}: a name's value or {@code null}) and, for the
   * provider's version and branch when they are not given, what git says ({@code git}: {@code
   * "version"} or {@code "branch"} to a value or {@code null}).
   */
  static PactSettings from(UnaryOperator<String> lookup, UnaryOperator<String> git) {
    String url = given(lookup.apply(BROKER_URL));
    boolean ci = "true".equalsIgnoreCase(String.valueOf(lookup.apply(CI)).strip());
    String version = given(lookup.apply(PROVIDER_VERSION));
    String branch = given(lookup.apply(PROVIDER_BRANCH));
    if (url == null) {
      return new PactSettings(null, ci, version, branch);
    }
    if ((given(lookup.apply(BROKER_USERNAME)) == null)
        != (given(lookup.apply(BROKER_PASSWORD)) == null)) {
      throw new IllegalStateException(
          BROKER_USERNAME + " and " + BROKER_PASSWORD + " go together: set both, or neither");
    }
    branch = branch != null ? branch : given(git.apply("branch"));
    if (branch == null) {
      throw new IllegalStateException(
          BROKER_URL
              + " is set, but the provider's branch is unknown (git names none): set "
              + PROVIDER_BRANCH
              + "; pending pacts and the matchingBranch selector need it");
    }
    version = version != null ? version : given(git.apply("version"));
    if (version == null && ci) {
      throw new IllegalStateException(
          "Results are published (CI=true), but the provider's version is unknown (git names no"
              + " commit): set "
              + PROVIDER_VERSION);
    }
    return new PactSettings(url, ci, version, branch);
  }

  /** Whether the pacts come from a broker (otherwise: the folder). */
  boolean fromBroker() {
    return brokerUrl != null;
  }

  /** Results are published to the broker the pacts came from, and only by CI. */
  boolean publishResults() {
    return fromBroker() && ci;
  }

  /** The values pact-jvm reads for publishing, which these settings decide. */
  Map<String, String> pactProperties() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("pact.verifier.publishResults", Boolean.toString(publishResults()));
    if (fromBroker()) {
      values.put("pact.provider.branch", providerBranch);
      if (providerVersion != null) {
        values.put("pact.provider.version", providerVersion);
      }
    }
    return values;
  }

  /** A value resolver with {@link #pactProperties()} over system properties and environment. */
  Resolver resolver() {
    return new Resolver(this);
  }

  /**
   * What pact-jvm reads its settings and the {@link BrokerPacts} expressions through: these
   * settings' values first, then (like pact-jvm's default) system properties and environment.
   */
  static final class Resolver implements ValueResolver {
    private final PactSettings settings;
    private final Map<String, String> values;

    private Resolver(PactSettings settings) {
      this.settings = settings;
      this.values = settings.pactProperties();
    }

    PactSettings settings() {
      return settings;
    }

    @Override
    public String resolveValue(String property) {
      if (property == null) {
        return null;
      }
      String name =
          new SystemPropertyResolver.PropertyValueTuple(property).invoke().getPropertyName();
      String value = values.get(name);
      return value != null ? value : SystemPropertyResolver.INSTANCE.resolveValue(property);
    }

    @Override
    public String resolveValue(String property, String defaultValue) {
      String value = property == null ? null : values.get(property);
      return value != null
          ? value
          : SystemPropertyResolver.INSTANCE.resolveValue(property, defaultValue);
    }

    @Override
    public boolean propertyDefined(String property) {
      return values.containsKey(property)
          || SystemPropertyResolver.INSTANCE.propertyDefined(property);
    }
  }

  private static String systemPropertyOrEnvironment(String name) {
    String value = System.getProperty(name);
    return value != null ? value : System.getenv(name);
  }

  /** The current commit, or the current branch (none when HEAD is detached), or null. */
  private static String git(String what) {
    List<String> command =
        what.equals("version")
            ? List.of("git", "rev-parse", "HEAD")
            : List.of("git", "rev-parse", "--abbrev-ref", "HEAD");
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out;
      try (InputStream in = git.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0 || out.equals("HEAD")) {
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String given(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

package io.quire.pacts;

import au.com.dius.pact.core.support.expressions.ValueResolver;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * pact-jvm's JUnit 5 verification with this run's {@link PactSettings}: one value resolver for the
 * pact source ({@link QuirePactLoader}), the broker expressions ({@link BrokerPacts}) and the
 * decision to publish results, with the provider version and branch they are published for.
 *
 * <p>Not the Spring variant ({@code PactVerificationSpringProvider}): it reads the loader's
 * settings from the Spring environment but publishing's from system properties, so one run could
 * decide two ways. Nothing here needs Spring's properties; the application under test is the {@code
 * IntegrationTest} context either way.
 */
public class QuirePactVerificationProvider extends PactVerificationInvocationContextProvider {

  @Override
  protected ValueResolver getValueResolver(ExtensionContext context) {
    return PactSettings.current().resolver();
  }
}

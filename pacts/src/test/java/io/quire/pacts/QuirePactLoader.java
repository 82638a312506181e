package io.quire.pacts;

import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.PactSource;
import au.com.dius.pact.core.support.expressions.ValueResolver;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import au.com.dius.pact.provider.junitsupport.loader.PactBrokerLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactFolderLoader;
import au.com.dius.pact.provider.junitsupport.loader.PactLoader;
import java.io.IOException;
import java.util.List;

/**
 * The pact source of {@link QuireWebContractTest} ({@code @PactSource}): a broker when {@code
 * PACT_BROKER_BASE_URL} is set, configured by {@link BrokerPacts}; otherwise the folder {@value
 * #FOLDER} on the test classpath, the byte-for-byte copies of the consumers' files.
 *
 * <p>pact-jvm makes one per test class run, gives it the run's value resolver ({@link
 * QuirePactVerificationProvider}: {@link PactSettings.Resolver}), then asks for the pacts.
 */
public class QuirePactLoader implements PactLoader {

  /** The folder of the consumers' pact files, on the test classpath. */
  static final String FOLDER = "pacts";

  private ValueResolver resolver;
  private PactLoader delegate;

  /** pact-jvm's constructor for loaders that take the test class. */
  public QuirePactLoader(Class<?> testClass) {}

  @Override
  public void setValueResolver(ValueResolver valueResolver) {
    this.resolver = valueResolver;
    this.delegate = null;
  }

  private PactLoader delegate() {
    if (delegate == null) {
      PactSettings.Resolver settings =
          resolver instanceof PactSettings.Resolver given
              ? given
              : PactSettings.current().resolver();
      if (settings.settings().fromBroker()) {
        PactBrokerLoader broker =
            new PactBrokerLoader(BrokerPacts.class.getAnnotation(PactBroker.class));
        broker.setValueResolver(settings);
        // The consumer version selectors are BrokerPacts' @PactBrokerConsumerVersionSelectors.
        broker.initLoader(BrokerPacts.class, null);
        delegate = broker;
      } else {
        delegate = new PactFolderLoader(FOLDER);
      }
    }
    return delegate;
  }

  @Override
  public List<Pact> load(String providerName) throws IOException {
    return delegate().load(providerName);
  }

  @Override
  public PactSource getPactSource() {
    return delegate().getPactSource();
  }

  @Override
  public String description() {
    return delegate().description();
  }
}

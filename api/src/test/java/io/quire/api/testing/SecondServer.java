package io.quire.api.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second Quire server on the test run's database for the tests of one class, as behind a load
 * balancer: started when a test first asks for it (after the test's own context has migrated the
 * database), closed after the class. Register it with {@code @RegisterExtension static final
 * SecondServer second = new SecondServer();}.
 */
public final class SecondServer implements AfterAllCallback {

  private ConfigurableApplicationContext server;

  /** The second server's HTTP API, starting the server the first time. */
  public synchronized HttpApi api() {
    if (server == null) {
      server = ExtraServers.quire();
    }
    return new HttpApi(ExtraServers.port(server));
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}

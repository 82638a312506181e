package io.quire.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes every outbound connection to anything but loopback fail in tests.
 *
 * <p>Installed for the whole test JVM by the JUnit Platform (a {@link LauncherSessionListener}
 * found through {@code META-INF/services}). It replaces the default {@link ProxySelector}, which
 * {@code java.net.Socket} (JDBC drivers), {@code HttpURLConnection} and {@code java.net.http}
 * consult before every connection, with one that throws {@link OutboundNetworkBlocked} for a
 * non-loopback target. Hosts named in the system property or environment variable {@code
 * QUIRE_TEST_ALLOWED_HOSTS} (comma-separated), and the host of {@code QUIRE_TEST_DATABASE_URL},
 * stay reachable.
 */
public final class NetworkGuard implements LauncherSessionListener {

  private static volatile boolean installed;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    install();
  }

  /** Installs the guard once for this JVM. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    ProxySelector.setDefault(new Guard(allowedHosts()));
    installed = true;
  }

  /**
   * Whether the guard is this JVM's proxy selector: false in a module whose test classpath lacks
   * this test-jar (its {@code META-INF/services} registration), or after something replaced it.
   */
  public static boolean isInstalled() {
    return ProxySelector.getDefault() instanceof Guard;
  }

  static Set<String> allowedHosts() {
    String configured = setting("QUIRE_TEST_ALLOWED_HOSTS", "");
    Set<String> hosts =
        Arrays.stream(configured.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .map(s -> s.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    String dbUrl = setting("QUIRE_TEST_DATABASE_URL", "");
    int at = dbUrl.indexOf("//");
    if (at >= 0) {
      String rest = dbUrl.substring(at + 2);
      int end = rest.length();
      for (char c : new char[] {':', '/', '?'}) {
        int i = rest.indexOf(c);
        if (i >= 0 && i < end) {
          end = i;
        }
      }
      hosts.add(rest.substring(0, end).toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(hosts);
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name, System.getenv(name));
    return value == null ? fallback : value;
  }

  /** Thrown on an attempt to reach a host that is not loopback. */
  public static final class OutboundNetworkBlocked extends IllegalStateException {
    OutboundNetworkBlocked(URI target) {
      super(
          "Outbound network access is blocked in tests (only loopback is allowed): "
              + target
              + ". Add the host to QUIRE_TEST_ALLOWED_HOSTS if a test really needs it.");
    }
  }

  private static final class Guard extends ProxySelector {
    private final Set<String> allowed;

    Guard(Set<String> allowed) {
      this.allowed = allowed;
    }

    @Override
    public List<Proxy> select(URI uri) {
      String host = uri.getHost();
      if (host == null || !isAllowed(host)) {
        throw new OutboundNetworkBlocked(uri);
      }
      return List.of(Proxy.NO_PROXY);
    }

    private boolean isAllowed(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      if (h.equals("localhost") || allowed.contains(h)) {
        return true;
      }
      try {
        InetAddress[] addresses = InetAddress.getAllByName(h);
        return Arrays.stream(addresses).allMatch(a -> a.isLoopbackAddress());
      } catch (UnknownHostException e) {
        return false;
      }
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
      // Nothing to remember: every answer is NO_PROXY.
    }
  }
}

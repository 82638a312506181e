package io.quire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What every module's tests must find: the {@link NetworkGuard} installed in their JVM, so that a
 * connection to anything but loopback fails the test that makes it. Each module runs it through a
 * {@code NetworkGuardInstalledTest extends NetworkGuardContract} of its own, so a module whose
 * tests run without the guard (its test classpath lacks this test-jar) fails its build.
 *
 * <p>Every test that tries a connection first checks that the guard is installed, and fails without
 * trying when it is not: a broken set-up fails here without sending anything anywhere. (On this
 * machine a connection to 203.0.113.7, TEST-NET-3, does not simply time out: something accepts it,
 * so an unguarded attempt would really leave the process.)
 */
public abstract class NetworkGuardContract {

  private static final String PUBLIC_ADDRESS = "203.0.113.7";

  @Test
  void theGuardIsThisJvmsProxySelector() {
    requireTheGuard();
  }

  @Test
  void aSocketToAPublicAddressFailsTheTest() {
    requireTheGuard();
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(PUBLIC_ADDRESS, 80), 500);
              }
            })
        .isInstanceOf(NetworkGuard.OutboundNetworkBlocked.class)
        .hasMessageContaining(PUBLIC_ADDRESS);
  }

  @Test
  void anHttpClientRequestToAPublicHostFailsTheTest() {
    requireTheGuard();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://" + PUBLIC_ADDRESS + "/")).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
        .satisfies(thrown -> assertThat(guardIn(thrown)).as("the guard's exception").isNotNull());
  }

  @Test
  void anHttpUrlConnectionToAPublicHostFailsTheTest() throws IOException {
    requireTheGuard();
    HttpURLConnection connection =
        (HttpURLConnection) URI.create("http://" + PUBLIC_ADDRESS + "/").toURL().openConnection();
    connection.setConnectTimeout(500);
    try {
      assertThatThrownBy(connection::connect)
          .satisfies(thrown -> assertThat(guardIn(thrown)).as("the guard's exception").isNotNull());
    } finally {
      connection.disconnect();
    }
  }

  @Test
  void loopbackStaysReachable() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 2000);
      assertThat(socket.isConnected()).isTrue();
    }
  }

  /** Fails the test, before any connection is tried, when the guard is not installed. */
  private static void requireTheGuard() {
    assertThat(NetworkGuard.isInstalled())
        .as("NetworkGuard is installed (shared-kernel's test-jar on the test classpath)")
        .isTrue();
  }

  private static Throwable guardIn(Throwable thrown) {
    Throwable t = thrown;
    while (t != null && !(t instanceof NetworkGuard.OutboundNetworkBlocked)) {
      t = t.getCause();
    }
    return t;
  }
}

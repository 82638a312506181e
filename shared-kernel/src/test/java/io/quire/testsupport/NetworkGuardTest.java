package io.quire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class NetworkGuardTest {

  @Test
  void aSocketToAPublicAddressFailsTheTest() {
    // 203.0.113.0/24 is TEST-NET-3: never routed, so nothing is sent even if the guard were off.
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("203.0.113.7", 80), 500);
              }
            })
        .isInstanceOf(NetworkGuard.OutboundNetworkBlocked.class)
        .hasMessageContaining("203.0.113.7");
  }

  @Test
  void anHttpClientRequestToAPublicHostFailsTheTest() {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://203.0.113.7/")).build();
    assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.discarding()))
        .satisfies(
            thrown -> {
              Throwable t = thrown;
              while (t != null && !(t instanceof NetworkGuard.OutboundNetworkBlocked)) {
                t = t.getCause();
              }
              assertThat(t).as("the guard's exception, or a cause").isNotNull();
            });
  }

  @Test
  void loopbackStaysReachable() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.getLocalPort()), 2000);
      assertThat(socket.isConnected()).isTrue();
    }
  }
}

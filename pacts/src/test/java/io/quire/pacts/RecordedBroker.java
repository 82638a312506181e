package io.quire.pacts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A stub Pact Broker on loopback that answers with the recorded responses in {@code
 * src/test/resources/broker/} and keeps every request it got. Unknown requests answer 404.
 */
final class RecordedBroker implements AutoCloseable {

  /** A request as the broker got it. */
  record Received(String method, String path, String authorization, String body) {}

  private record Route(String method, Pattern path, int status, String file) {}

  private static final String PACTS = "/pacts/provider/quire-api/consumer/quire-web/pact-version/";
  private static final List<Route> ROUTES =
      List.of(
          new Route("GET", Pattern.compile("/?"), 200, "index.json"),
          new Route(
              "POST",
              Pattern.compile("/pacts/provider/quire-api/for-verification"),
              200,
              "pacts-for-verification.json"),
          new Route(
              "GET", Pattern.compile(PACTS + "6f1e[0-9a-f]+/metadata/\\w+"), 200, "pact-main.json"),
          new Route(
              "GET", Pattern.compile(PACTS + "0c1d[0-9a-f]+/metadata/\\w+"), 200, "pact-wip.json"),
          new Route(
              "POST",
              Pattern.compile(PACTS + "[0-9a-f]+/metadata/\\w+/verification-results"),
              201,
              "verification-result.json"),
          new Route("GET", Pattern.compile("/pacticipants/quire-api"), 200, "provider.json"),
          new Route(
              "PUT",
              Pattern.compile("/pacticipants/quire-api/branches/[^/]+/versions/[^/]+"),
              200,
              "branch-version.json"));

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final boolean nothingPending;

  /** The recording as it is: the work-in-progress pact is pending. */
  RecordedBroker() {
    this(false);
  }

  /**
   * The recording with no pact pending, as the broker answers once the provider's branch has
   * verified them: then a failing interaction fails the run.
   */
  static RecordedBroker withNothingPending() {
    return new RecordedBroker(true);
  }

  private RecordedBroker(boolean nothingPending) {
    this.nothingPending = nothingPending;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::answer);
    server.start();
  }

  /** The broker's base URL, as {@code PACT_BROKER_BASE_URL} names it. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** The requests with this method whose path matches. */
  List<Received> received(String method, String pathPattern) {
    Pattern pattern = Pattern.compile(pathPattern);
    return received.stream()
        .filter(r -> r.method().equals(method) && pattern.matcher(r.path()).matches())
        .toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      String path = URI.create(exchange.getRequestURI().toString()).getPath();
      String method = exchange.getRequestMethod();
      received.add(
          new Received(method, path, exchange.getRequestHeaders().getFirst("Authorization"), body));
      Route route =
          ROUTES.stream()
              .filter(r -> r.method().equals(method) && r.path().matcher(path).matches())
              .findFirst()
              .orElse(null);
      byte[] answer =
          route == null
              ? "{\"error\": \"no such resource in the recording\"}"
                  .getBytes(StandardCharsets.UTF_8)
              : recorded(route.file()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/hal+json;charset=utf-8");
      exchange.sendResponseHeaders(route == null ? 404 : route.status(), answer.length);
      exchange.getResponseBody().write(answer);
    }
  }

  private String recorded(String file) throws IOException {
    try (InputStream in = RecordedBroker.class.getResourceAsStream("/broker/" + file)) {
      if (in == null) {
        throw new IOException("No recorded response " + file);
      }
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@BROKER@", url());
      return nothingPending ? text.replace("\"pending\": true", "\"pending\": false") : text;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The settings a run gets from the environment, for {@link PactSettings#from}. */
  static Map<String, String> environment(String url, boolean ci) {
    return Map.of(
        PactSettings.BROKER_URL, url,
        PactSettings.BROKER_TOKEN, "recorded-token",
        PactSettings.PROVIDER_VERSION, "0.1.0-7cce296",
        PactSettings.PROVIDER_BRANCH, "main",
        PactSettings.CI, Boolean.toString(ci));
  }
}

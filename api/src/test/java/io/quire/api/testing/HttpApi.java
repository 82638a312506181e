package io.quire.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * A small HTTP client for the application under test: real requests over loopback, JSON in and out,
 * so tests see exactly what clients see.
 */
public final class HttpApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final IntSupplier port;

  /** A client of the server on this port. */
  public HttpApi(int port) {
    this(() -> port);
  }

  /** A client of the server whose port is known only once it has started. */
  public HttpApi(IntSupplier port) {
    this.port = port;
  }

  /** The server's port, for tests that speak raw HTTP. */
  public int port() {
    return port.getAsInt();
  }

  private String base() {
    return "http://127.0.0.1:" + port.getAsInt();
  }

  /** A request being built. */
  public Request request(String method, String path) {
    return new Request(method, path);
  }

  public Response get(String path) {
    return request("GET", path).send();
  }

  public Response post(String path, Object body) {
    return request("POST", path).json(body).send();
  }

  /** Requests sent with this token: {@code api.as(bob.token()).get("/api/v1/orgs/")}. */
  public Caller as(String token) {
    return new Caller(token);
  }

  /** A client with a token. */
  public final class Caller {
    private final String token;

    private Caller(String token) {
      this.token = token;
    }

    public Response get(String path) {
      return request("GET", path).token(token).send();
    }

    public Response post(String path, Object body) {
      return request("POST", path).token(token).json(body).send();
    }

    public Response patch(String path, Object body) {
      return request("PATCH", path).token(token).json(body).send();
    }

    public Response delete(String path) {
      return request("DELETE", path).token(token).send();
    }

    /** A request with the token, to add headers to. */
    public Request request(String method, String path) {
      return HttpApi.this.request(method, path).token(token);
    }
  }

  /** One request: headers and a body, then {@link #send()}. */
  public final class Request {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
    private Duration timeout = Duration.ofSeconds(30);

    private Request(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Request token(String token) {
      return header("Authorization", "Token " + token);
    }

    /** How long to wait for the answer (30 seconds unless set): for a write a test holds up. */
    public Request timeout(Duration wait) {
      timeout = wait;
      return this;
    }

    public Request json(Object value) {
      try {
        String text = value instanceof String s ? s : JSON.writeValueAsString(value);
        return body("application/json", text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Request body(String contentType, String text) {
      headers.put("Content-Type", contentType);
      body = HttpRequest.BodyPublishers.ofString(text);
      return this;
    }

    public Request body(HttpRequest.BodyPublisher publisher) {
      body = publisher;
      return this;
    }

    public Response send() {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base() + path)).timeout(timeout).method(method, body);
      headers.forEach(builder::header);
      try {
        HttpResponse<String> response =
            CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(method, path, response);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What came back. */
  public record Response(String method, String path, HttpResponse<String> raw) {

    public int status() {
      return raw.statusCode();
    }

    public String text() {
      return raw.body();
    }

    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("Not JSON: " + raw.body(), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return method + " " + path + " -> " + status() + " " + raw.body();
    }
  }
}

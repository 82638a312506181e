package io.quire.perf.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The few calls of Quire's HTTP API the seeder makes. Connection failures and 5xx answers are
 * retried a few times; any other unexpected answer is a {@link SeedFailure} naming the request and
 * the answer.
 */
final class QuireClient {

  private static final int ATTEMPTS = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  QuireClient(URI baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Registers the author unless the username is taken, then signs in; answers the token. */
  String signIn(Author author) {
    Answer registered =
        send(
            post(
                "/api/v1/auth/register/",
                null,
                Map.of(
                    "username", author.username(),
                    "email", author.email(),
                    "password", author.password())));
    boolean taken =
        registered.status() == 400
            && registered.body().path("error").path("details").has("username");
    if (registered.status() != 201 && !taken) {
      throw registered.unexpected("register " + author.username());
    }
    Answer token =
        send(
            post(
                "/api/v1/auth/token/",
                null,
                Map.of("username", author.username(), "password", author.password())));
    return token.expect(200, "sign in as " + author.username()).path("token").asText();
  }

  /** How many published articles this author has (the {@code count} of the public list). */
  int publishedCount(String username) {
    String query = "?page_size=1&author=" + URLEncoder.encode(username, StandardCharsets.UTF_8);
    return send(get("/api/v1/articles/" + query))
        .expect(200, "count the articles of " + username)
        .path("count")
        .asInt();
  }

  /** How many published articles there are, by anyone. */
  int publishedTotal() {
    return send(get("/api/v1/articles/?page_size=1"))
        .expect(200, "count the articles")
        .path("count")
        .asInt();
  }

  /** Writes a draft and answers its id. */
  String draft(String token, ArticleText.Article article) {
    Map<String, Object> body =
        Map.of("title", article.title(), "body", article.body(), "tags", article.tags());
    return send(post("/api/v1/articles/", token, body))
        .expect(201, "write a draft")
        .path("id")
        .asText();
  }

  void publish(String token, String articleId) {
    send(post("/api/v1/articles/" + articleId + "/publish/", token, null))
        .expect(200, "publish " + articleId);
  }

  private HttpRequest get(String path) {
    return request(path).GET().build();
  }

  private HttpRequest post(String path, String token, Object body) {
    HttpRequest.Builder request = request(path);
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    if (body == null) {
      return request.POST(HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return request
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new SeedFailure("cannot write JSON for " + path, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(baseUrl.resolve(path))
        .timeout(TIMEOUT)
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest request) {
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        Answer answer = new Answer(request, response.statusCode(), parse(response.body()));
        if (answer.status() < 500 || attempt == ATTEMPTS) {
          return answer;
        }
      } catch (IOException e) {
        if (attempt == ATTEMPTS) {
          throw new SeedFailure(request.method() + " " + request.uri() + " failed: " + e, e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SeedFailure("interrupted", e);
      }
      pause(attempt);
    }
  }

  private JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? json.nullNode() : json.readTree(body);
    } catch (IOException e) {
      return json.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(500L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SeedFailure("interrupted", e);
    }
  }

  /** One answer: its status and its JSON body (a text node if the body was not JSON). */
  private record Answer(HttpRequest request, int status, JsonNode body) {

    JsonNode expect(int expected, String what) {
      if (status != expected) {
        throw unexpected(what);
      }
      return body;
    }

    SeedFailure unexpected(String what) {
      return new SeedFailure(
          String.format(
              "cannot %s: %s %s answered %d %s",
              what, request.method(), request.uri(), status, body));
    }
  }
}

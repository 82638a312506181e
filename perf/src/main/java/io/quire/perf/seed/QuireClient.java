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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The few calls of Quire's HTTP API the seeders make. Connection failures and 5xx answers are
 * retried a few times; any other unexpected answer is a {@link SeedFailure} naming the request and
 * the answer. Public for the simulations, which sign in and look around with it before a run.
 */
public final class QuireClient {

  private static final int ATTEMPTS = 4;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI baseUrl;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public QuireClient(URI baseUrl) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  /** Registers the author unless the username is taken, then signs in; answers the token. */
  String signIn(Author author) {
    register(author.username(), author.email(), author.password());
    return token(author.username(), author.password());
  }

  /**
   * Registers a user; answers false if the username was taken already (by this user, when the
   * seeder is restarted).
   */
  boolean register(String username, String email, String password) {
    Answer registered =
        send(
            post(
                "/api/v1/auth/register/",
                null,
                Map.of("username", username, "email", email, "password", password)));
    boolean taken =
        registered.status() == 400
            && registered.body().path("error").path("details").has("username");
    if (registered.status() != 201 && !taken) {
      throw registered.unexpected("register " + username);
    }
    return !taken;
  }

  /** Signs in; answers the token. */
  public String token(String username, String password) {
    Answer token =
        send(post("/api/v1/auth/token/", null, Map.of("username", username, "password", password)));
    return token.expect(200, "sign in as " + username).path("token").asText();
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

  /**
   * Creates an org whose admin the caller becomes; answers false if the slug was taken already (409
   * {@code conflict}).
   */
  boolean createOrg(String token, String slug, String name) {
    Answer created = send(post("/api/v1/orgs/", token, Map.of("slug", slug, "name", name)));
    boolean taken = created.status() == 409 && created.code().equals("conflict");
    if (created.status() != 201 && !taken) {
      throw created.unexpected("create the org " + slug);
    }
    return !taken;
  }

  /** An integration just registered: its id and its secret, shown only now. */
  record NewIntegration(String id, String secret, java.time.Instant createdAt) {}

  /** Registers an integration of the org (the caller is its admin). */
  NewIntegration createIntegration(String token, String slug, String name) {
    JsonNode created =
        send(post("/api/v1/orgs/" + slug + "/integrations/", token, Map.of("name", name)))
            .expect(201, "register an integration of " + slug);
    return new NewIntegration(
        created.path("id").asText(),
        created.path("secret").asText(),
        java.time.Instant.parse(created.path("created_at").asText()));
  }

  /**
   * The caller's role in the org ({@code admin} or {@code member}); empty if the caller is not a
   * member (or there is no such org: 404 either way).
   */
  Optional<String> role(String token, String slug) {
    Answer org = send(get("/api/v1/orgs/" + slug + "/", token));
    if (org.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(org.expect(200, "read the org " + slug).path("role").asText());
  }

  /** One member of an org. */
  public record Member(String id, String username, String role) {}

  /** Every member of the org, read page by page. */
  public List<Member> members(String token, String slug) {
    List<Member> members = new ArrayList<>();
    for (int page = 1; ; page++) {
      String path = "/api/v1/orgs/" + slug + "/members/?page_size=100&page=" + page;
      JsonNode answer = send(get(path, token)).expect(200, "list the members of " + slug);
      for (JsonNode member : answer.path("results")) {
        JsonNode user = member.path("user");
        members.add(
            new Member(
                user.path("id").asText(),
                user.path("username").asText(),
                member.path("role").asText()));
      }
      if (answer.path("next").isNull() || answer.path("results").isEmpty()) {
        return members;
      }
    }
  }

  /** Adds a member with this role; answers false if they were a member already (409). */
  boolean addMember(String token, String slug, String username, String role) {
    Answer added =
        send(
            post(
                "/api/v1/orgs/" + slug + "/members/",
                token,
                Map.of("username", username, "role", role)));
    if (added.status() != 201 && added.status() != 409) {
      throw added.unexpected("add " + username + " to " + slug);
    }
    return added.status() == 201;
  }

  /** How many tasks the org has (the {@code count} of its task list). */
  int taskCount(String token, String slug) {
    return send(get("/api/v1/orgs/" + slug + "/tasks/?page_size=1", token))
        .expect(200, "count the tasks of " + slug)
        .path("count")
        .asInt();
  }

  /** The ids of the org's newest tasks, up to 100 (the first page of its task list). */
  public List<String> newestTaskIds(String token, String slug) {
    List<String> ids = new ArrayList<>();
    send(get("/api/v1/orgs/" + slug + "/tasks/?page_size=100", token))
        .expect(200, "list the tasks of " + slug)
        .path("results")
        .forEach(task -> ids.add(task.path("id").asText()));
    return ids;
  }

  /** A task as a write answered it: its id and version (the number of its events). */
  record TaskVersion(String id, long version) {}

  /** Creates a task from these fields ({@code title}, {@code assigned_to}, ...). */
  TaskVersion createTask(String token, String slug, Map<String, Object> fields) {
    JsonNode task =
        send(post("/api/v1/orgs/" + slug + "/tasks/", token, fields))
            .expect(201, "create a task in " + slug);
    return new TaskVersion(task.path("id").asText(), task.path("version").asLong());
  }

  /** Changes these fields of a task. */
  TaskVersion editTask(String token, String slug, String taskId, Map<String, Object> changes) {
    JsonNode task =
        send(patch("/api/v1/orgs/" + slug + "/tasks/" + taskId + "/", token, changes))
            .expect(200, "edit the task " + taskId + " of " + slug);
    return new TaskVersion(task.path("id").asText(), task.path("version").asLong());
  }

  private HttpRequest get(String path) {
    return get(path, null);
  }

  private HttpRequest get(String path, String token) {
    return request(path, token).GET().build();
  }

  private HttpRequest post(String path, String token, Object body) {
    return withBody("POST", path, token, body);
  }

  private HttpRequest patch(String path, String token, Object body) {
    return withBody("PATCH", path, token, body);
  }

  private HttpRequest withBody(String method, String path, String token, Object body) {
    HttpRequest.Builder request = request(path, token);
    if (body == null) {
      return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
    }
    try {
      return request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
          .build();
    } catch (IOException e) {
      throw new SeedFailure("cannot write JSON for " + path, e);
    }
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(baseUrl.resolve(path))
            .timeout(TIMEOUT)
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    return request;
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

    /** The error envelope's code, or "" if there is none. */
    String code() {
      return body.path("error").path("code").asText("");
    }

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

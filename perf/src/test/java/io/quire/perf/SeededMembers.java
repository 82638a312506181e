package io.quire.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.perf.seed.SeededOrg;
import io.quire.perf.seed.SeededUser;
import io.quire.perf.seed.TaskDataset;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Members of the seeded task dataset ({@code io.quire.perf.seed.TaskSeeder}), signed in before a
 * run starts: one feeder record per member with their token, org, own user id and the ids of the
 * org's other members (for reassignments). The dataset is derived from the same system properties
 * the seeder was given: {@code quire.dataset.seed} (20261122), {@code quire.dataset.orgs} (100),
 * {@code quire.dataset.users} (2000); {@code quire.members} (64) members are signed in, spread
 * round-robin over the orgs, so that the load touches many orgs.
 */
final class SeededMembers {

  private final String baseUrl;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ObjectMapper json = new ObjectMapper();

  private SeededMembers(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** Signs in the members and answers one feeder record each. */
  static List<Map<String, Object>> signIn(String baseUrl) {
    TaskDataset dataset =
        TaskDataset.derive(
            Long.getLong("quire.dataset.seed", 20261122L),
            Integer.getInteger("quire.dataset.orgs", 100),
            Integer.getInteger("quire.dataset.users", 2000));
    int wanted = Integer.getInteger("quire.members", 64);
    return new SeededMembers(baseUrl).signIn(dataset, wanted);
  }

  private List<Map<String, Object>> signIn(TaskDataset dataset, int wanted) {
    List<SeededOrg> orgs = dataset.orgs();
    Map<String, Map<String, String>> idsByOrg = new HashMap<>();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; records.size() < wanted && i < wanted * 4; i++) {
      SeededOrg org = orgs.get(i % orgs.size());
      int nth = i / orgs.size();
      if (nth >= org.members().size()) {
        continue;
      }
      SeededUser user = org.members().get(nth);
      String token = token(user);
      Map<String, String> ids =
          idsByOrg.computeIfAbsent(org.slug(), slug -> memberIds(token, slug));
      String own = ids.get(user.username());
      List<String> others =
          ids.entrySet().stream()
              .filter(e -> !e.getKey().equals(user.username()))
              .map(Map.Entry::getValue)
              .toList();
      records.add(
          Map.of(
              "token",
              token,
              "org",
              org.slug(),
              "userId",
              own,
              "otherMemberIds",
              others.isEmpty() ? List.of(own) : others,
              "taskIds",
              taskIds(token, org.slug())));
    }
    if (records.isEmpty()) {
      throw new IllegalStateException("no seeded members at " + baseUrl + ": seed them first");
    }
    return records;
  }

  private String token(SeededUser user) {
    JsonNode answer =
        call(
            HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token/"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        json.createObjectNode()
                            .put("username", user.username())
                            .put("password", user.password())
                            .toString()))
                .build());
    return answer.path("token").asText();
  }

  /** Username to user id of every member of the org (up to 100). */
  private Map<String, String> memberIds(String token, String slug) {
    Map<String, String> ids = new HashMap<>();
    get(token, "/api/v1/orgs/" + slug + "/members/?page_size=100")
        .path("results")
        .forEach(
            m ->
                ids.put(
                    m.path("user").path("username").asText(), m.path("user").path("id").asText()));
    return ids;
  }

  /** The ids of the org's newest tasks (up to 100), for reads that do not list first. */
  private List<String> taskIds(String token, String slug) {
    List<String> ids = new ArrayList<>();
    get(token, "/api/v1/orgs/" + slug + "/tasks/?page_size=100")
        .path("results")
        .forEach(task -> ids.add(task.path("id").asText()));
    if (ids.isEmpty()) {
      throw new IllegalStateException(
          "org " + slug + " has no tasks at " + baseUrl + ": seed them");
    }
    return ids;
  }

  private JsonNode get(String token, String path) {
    return call(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Token " + token)
            .GET()
            .build());
  }

  private JsonNode call(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": is the task dataset seeded with the same --seed, --orgs and --users?");
      }
      return json.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

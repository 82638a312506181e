package io.quire.perf;

import io.quire.perf.seed.QuireClient;
import io.quire.perf.seed.SeededOrg;
import io.quire.perf.seed.SeededUser;
import io.quire.perf.seed.TaskDataset;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Members of the seeded task dataset ({@code io.quire.perf.seed.TaskSeeder}), signed in before a
 * run starts: one feeder record per member with their token, org, own user id, the ids of the org's
 * other members (for reassignments) and of its newest tasks (for details without a list). The
 * dataset is derived from the same system properties the seeder was given: {@code
 * quire.dataset.seed} (20261122), {@code quire.dataset.orgs} (100), {@code quire.dataset.users}
 * (2000); {@code quire.members} (64) members are signed in, spread round-robin over the orgs, so
 * that the load touches many orgs. Calls the API with the seeders' {@link QuireClient}.
 */
final class SeededMembers {

  private SeededMembers() {}

  /** What the run needs to know about one org, asked once per org. */
  private record OrgFacts(Map<String, String> memberIds, List<String> taskIds) {}

  /** Signs in the members and answers one feeder record each. */
  static List<Map<String, Object>> signIn(String baseUrl) {
    TaskDataset dataset =
        TaskDataset.derive(
            Long.getLong("quire.dataset.seed", 20261122L),
            Integer.getInteger("quire.dataset.orgs", 100),
            Integer.getInteger("quire.dataset.users", 2000));
    int wanted = Integer.getInteger("quire.members", 64);
    QuireClient client = new QuireClient(URI.create(baseUrl));
    List<SeededOrg> orgs = dataset.orgs();
    Map<String, OrgFacts> factsBySlug = new HashMap<>();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; records.size() < wanted && i < wanted * 4; i++) {
      SeededOrg org = orgs.get(i % orgs.size());
      int nth = i / orgs.size();
      if (nth >= org.members().size()) {
        continue;
      }
      SeededUser user = org.members().get(nth);
      String token = client.token(user.username(), user.password());
      OrgFacts facts =
          factsBySlug.computeIfAbsent(org.slug(), slug -> factsOf(client, token, slug, baseUrl));
      String own = facts.memberIds().get(user.username());
      List<String> others =
          facts.memberIds().entrySet().stream()
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
              facts.taskIds()));
    }
    if (records.isEmpty()) {
      throw new IllegalStateException("no seeded members at " + baseUrl + ": seed them first");
    }
    return records;
  }

  private static OrgFacts factsOf(QuireClient client, String token, String slug, String baseUrl) {
    Map<String, String> memberIds = new HashMap<>();
    client.members(token, slug).forEach(m -> memberIds.put(m.username(), m.id()));
    List<String> taskIds = client.newestTaskIds(token, slug);
    if (taskIds.isEmpty()) {
      throw new IllegalStateException(
          "org " + slug + " has no tasks at " + baseUrl + ": seed them");
    }
    return new OrgFacts(memberIds, taskIds);
  }
}

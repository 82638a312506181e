package io.quire.perf.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings one seeded org to the state {@link TaskDataset} describes, whatever an earlier run left:
 * its first admin creates it (a taken slug is fine if that admin is an admin of it), the missing
 * members are added with their roles, and the members who write sign in. Every user must be
 * registered already.
 */
final class OrgSetup {

  private final QuireClient client;

  OrgSetup(QuireClient client) {
    this.client = client;
  }

  ReadyOrg prepare(SeededOrg org) {
    SeededUser creator = org.admins().get(0);
    String token = client.token(creator.username(), creator.password());
    boolean created = client.createOrg(token, org.slug(), org.name());
    if (!created) {
      String role = client.role(token, org.slug()).orElse("not a member");
      if (!role.equals("admin")) {
        throw new SeedFailure(
            String.format(
                "the slug %s is taken, and %s is %s of that org (another dataset's slug?)",
                org.slug(),
                creator.username(),
                role.equals("member") ? "no admin" : "not a member"));
      }
    }
    List<QuireClient.Member> members = client.members(token, org.slug());
    List<SeededUser> missing = missing(org, members);
    int added = 0;
    for (SeededUser user : missing) {
      if (client.addMember(token, org.slug(), user.username(), role(org, user))) {
        added++;
      }
    }
    if (!missing.isEmpty()) {
      members = client.members(token, org.slug());
    }
    Map<String, String> ids = ids(org, members);
    Map<String, String> tokens = new HashMap<>();
    tokens.put(creator.username(), token);
    for (SeededUser writer : writers(org)) {
      if (!tokens.containsKey(writer.username())) {
        tokens.put(writer.username(), client.token(writer.username(), writer.password()));
      }
    }
    return new ReadyOrg(org, ids, tokens, client.taskCount(token, org.slug()), created, added);
  }

  /** The seeded members the org does not have yet. */
  private static List<SeededUser> missing(SeededOrg org, List<QuireClient.Member> present) {
    Set<String> there = new HashSet<>();
    present.forEach(m -> there.add(m.username()));
    List<SeededUser> missing = new ArrayList<>();
    for (SeededUser user : org.members()) {
      if (!there.contains(user.username())) {
        missing.add(user);
      }
    }
    return missing;
  }

  /** Every seeded member's id; fails if one is missing or has another role than seeded. */
  private static Map<String, String> ids(SeededOrg org, List<QuireClient.Member> members) {
    Map<String, QuireClient.Member> byName = new HashMap<>();
    members.forEach(m -> byName.put(m.username(), m));
    Map<String, String> ids = new HashMap<>();
    for (SeededUser user : org.members()) {
      QuireClient.Member member = byName.get(user.username());
      if (member == null || !member.role().equals(role(org, user))) {
        throw new SeedFailure(
            String.format(
                "%s should be %s of %s but is %s",
                user.username(),
                role(org, user),
                org.slug(),
                member == null ? "no member" : member.role()));
      }
      ids.put(user.username(), member.id());
    }
    return ids;
  }

  /** The members who write tasks or change them: the admins and the task creators. */
  private static Set<SeededUser> writers(SeededOrg org) {
    Set<SeededUser> writers = new LinkedHashSet<>(org.admins());
    writers.addAll(TaskPlan.creators(org));
    return writers;
  }

  private static String role(SeededOrg org, SeededUser user) {
    return org.admins().contains(user) ? "admin" : "member";
  }
}

package io.quire.perf.seed;

import java.util.Map;

/**
 * A seeded org as {@link OrgSetup} left it: created, with all its members, and with a token for
 * each member who writes (its admins and task creators).
 *
 * @param ids every seeded member's user id, by username
 * @param tokens the tokens of the members who write, by username
 * @param tasksBefore how many tasks the org had before this run
 * @param created whether this run created the org
 * @param membersAdded how many members this run added (not counting the creator)
 */
record ReadyOrg(
    SeededOrg org,
    Map<String, String> ids,
    Map<String, String> tokens,
    int tasksBefore,
    boolean created,
    int membersAdded) {

  ReadyOrg {
    ids = Map.copyOf(ids);
    tokens = Map.copyOf(tokens);
  }

  String id(SeededUser user) {
    return lookUp(ids, user, "id");
  }

  String token(SeededUser user) {
    return lookUp(tokens, user, "token");
  }

  private String lookUp(Map<String, String> values, SeededUser user, String what) {
    String value = values.get(user.username());
    if (value == null) {
      throw new SeedFailure("no " + what + " for " + user.username() + " in " + org.slug());
    }
    return value;
  }
}

package io.quire.perf.seed;

import java.util.List;

/**
 * One org of the task dataset ({@link TaskDataset}).
 *
 * @param index the org's position in {@link TaskDataset#orgs()}, from 0
 * @param slug unique per seed and index, e.g. {@code harbour-k3q1-007}
 * @param members every member, admins included: the org's own users in index order, then the users
 *     whose second org it is, in index order
 * @param admins the members with role {@code admin}: the first member (who creates the org) and, in
 *     an org of 10 or more members, the second
 */
public record SeededOrg(
    int index, String slug, String name, List<SeededUser> admins, List<SeededUser> members) {

  public SeededOrg {
    admins = List.copyOf(admins);
    members = List.copyOf(members);
  }
}

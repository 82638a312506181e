package io.quire.perf.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The orgs, users and memberships {@link TaskSeeder} loads, derived from (seed, orgs, users) alone,
 * so a load simulation derives the same ones without asking the seeder.
 *
 * <p>Users are spread evenly over the orgs in index order (2,000 users over 100 orgs: users 0-19
 * are org 0's, 20-39 org 1's, ...); those are each org's own users. About 5% of the users are also
 * a member of one other org, drawn from the seed. An org's first own user created it and is an
 * admin; an org of 10 or more members has its second member as a second admin. Everybody else is a
 * plain member.
 *
 * <p>Usernames ({@code first.last.tag.u00042}) and slugs ({@code word-tag-007}) carry a tag of four
 * characters derived from the seed, so datasets of different seeds can share one database: without
 * it a user of one seed could take the username of another seed's user (with another password).
 */
public final class TaskDataset {

  /** Percent of the users who are also a member of a second org. */
  static final int SECOND_ORG_PERCENT = 5;

  /** From this many members on, an org has a second admin. */
  static final int SECOND_ADMIN_FROM = 10;

  private final List<SeededOrg> orgs;
  private final List<SeededUser> users;

  private TaskDataset(List<SeededOrg> orgs, List<SeededUser> users) {
    this.orgs = List.copyOf(orgs);
    this.users = List.copyOf(users);
  }

  /**
   * The dataset of this seed with {@code orgs} orgs and {@code users} users; {@code users} must be
   * at least {@code orgs}, so that every org has a member.
   */
  public static TaskDataset derive(long seed, int orgs, int users) {
    if (orgs < 1 || users < orgs) {
      throw new IllegalArgumentException(
          "need at least one org and at least as many users as orgs, not "
              + orgs
              + " orgs and "
              + users
              + " users");
    }
    String tag = tag(seed);
    List<SeededUser> seededUsers = users(seed, tag, users);
    List<List<SeededUser>> members = new ArrayList<>(orgs);
    int next = 0;
    for (int org = 0; org < orgs; org++) {
      int share = users / orgs + (org < users % orgs ? 1 : 0);
      members.add(new ArrayList<>(seededUsers.subList(next, next + share)));
      next += share;
    }
    addSecondOrgs(seed, seededUsers, members);
    return new TaskDataset(orgs(seed, tag, members), seededUsers);
  }

  /** The orgs, in index order. */
  public List<SeededOrg> orgs() {
    return orgs;
  }

  /** The users, in index order. */
  public List<SeededUser> users() {
    return users;
  }

  private static List<SeededUser> users(long seed, String tag, int count) {
    Random random = new Random(Seeds.mix(seed, 0x05E));
    List<SeededUser> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = Author.FIRST_NAMES.get(random.nextInt(Author.FIRST_NAMES.size()));
      String last = Author.LAST_NAMES.get(random.nextInt(Author.LAST_NAMES.size()));
      String username = String.format(Locale.ROOT, "%s.%s.%s.u%05d", first, last, tag, i);
      String password = String.format(Locale.ROOT, "perf-%x-u%05d", seed, i);
      users.add(new SeededUser(i, username, username + "@perf.example.com", password));
    }
    return users;
  }

  /** Makes about {@value #SECOND_ORG_PERCENT}% of the users a member of one more org. */
  private static void addSecondOrgs(
      long seed, List<SeededUser> users, List<List<SeededUser>> members) {
    int orgs = members.size();
    if (orgs < 2) {
      return;
    }
    int[] home = new int[users.size()];
    for (int org = 0; org < orgs; org++) {
      for (SeededUser user : members.get(org)) {
        home[user.index()] = org;
      }
    }
    Random random = new Random(Seeds.mix(seed, 0x2D0));
    for (SeededUser user : users) {
      if (random.nextInt(100) < SECOND_ORG_PERCENT) {
        int second = (home[user.index()] + 1 + random.nextInt(orgs - 1)) % orgs;
        members.get(second).add(user);
      }
    }
  }

  private static List<SeededOrg> orgs(long seed, String tag, List<List<SeededUser>> members) {
    Random random = new Random(Seeds.mix(seed, 0x0A6));
    List<SeededOrg> orgs = new ArrayList<>(members.size());
    for (int org = 0; org < members.size(); org++) {
      String word = Vocabulary.CONTENT_WORDS.get(random.nextInt(Vocabulary.CONTENT_WORDS.size()));
      String slug = String.format(Locale.ROOT, "%s-%s-%03d", word, tag, org);
      String name = String.format(Locale.ROOT, "%s team %03d", ArticleText.capitalised(word), org);
      List<SeededUser> all = members.get(org);
      int admins = all.size() >= SECOND_ADMIN_FROM ? 2 : 1;
      orgs.add(new SeededOrg(org, slug, name, all.subList(0, admins), all));
    }
    return orgs;
  }

  /** Four lower-case letters or digits derived from the seed. */
  static String tag(long seed) {
    long bits = Seeds.mix(seed, 0x7A6) >>> 44;
    String tag = Long.toString(bits, 36);
    return "0".repeat(4 - tag.length()) + tag;
  }
}

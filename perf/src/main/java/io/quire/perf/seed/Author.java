package io.quire.perf.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * One seeded author. Usernames and passwords derive from the seed alone, so a restarted seeder
 * signs in as the same authors.
 */
record Author(int index, String username, String email, String password) {

  /** First names, also of {@link TaskDataset}'s users. */
  static final List<String> FIRST_NAMES =
      List.of(
          "ada", "amara", "bruno", "chen", "dara", "elif", "emil", "farah", "goran", "hana", "ines",
          "jonas", "kofi", "lena", "malik", "nora", "oskar", "priya", "quentin", "rosa", "sami",
          "tomas", "uma", "vera", "wen", "yara", "zeno");

  /** Last names, also of {@link TaskDataset}'s users. */
  static final List<String> LAST_NAMES =
      List.of(
          "abara",
          "berg",
          "costa",
          "dimitrov",
          "eriksen",
          "fischer",
          "garcia",
          "haddad",
          "ito",
          "jansen",
          "kowalski",
          "lindqvist",
          "moreau",
          "novak",
          "okafor",
          "petrov",
          "quinn",
          "rossi",
          "silva",
          "tanaka",
          "usman",
          "varga",
          "weber",
          "xu",
          "yilmaz",
          "zhang");

  /** The first {@code count} authors of this seed. */
  static List<Author> derive(long seed, int count) {
    Random random = new Random(Seeds.mix(seed, 0xA07));
    List<Author> authors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String first = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size()));
      String last = LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
      String username = String.format(Locale.ROOT, "%s.%s.%03d", first, last, i);
      String password = String.format(Locale.ROOT, "perf-%x-%03d", seed, i);
      authors.add(new Author(i, username, username + "@perf.example.com", password));
    }
    return authors;
  }
}

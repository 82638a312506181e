package io.quire.command.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class OrgSlugPolicyProperties {

  private static final List<Character> WORD_CHARACTERS =
      "abcdefghijklmnopqrstuvwxyz0123456789".chars().mapToObj(c -> (char) c).toList();

  private static final Gen<String> WORDS = words(1, 12);

  /** Words joined by single hyphens: the slug shape, of any length. */
  private static final Gen<String> HYPHENATED = hyphenated(WORDS, 1, 8);

  @Test
  void hyphenatedWordsOf3To50CharactersAreValid() {
    Seeded.qt()
        .forAll(HYPHENATED)
        .assuming(slug -> slug.length() >= 3 && slug.length() <= 50)
        .check(OrgSlugPolicy::isValid);
  }

  @Test
  void slugsShorterThan3OrLongerThan50AreNeverValid() {
    Gen<String> tooShort = words(0, 2);
    Gen<String> tooLong =
        hyphenated(words(8, 12), 5, 10).assuming(slug -> slug.length() > 50).mix(words(51, 120));
    Seeded.qt().forAll(tooShort.mix(tooLong)).check(slug -> !OrgSlugPolicy.isValid(slug));
  }

  @Test
  void anyOtherCharacterOrAStrayHyphenMakesASlugInvalid() {
    Gen<String> defects =
        strings()
            .allPossible()
            .ofLength(1)
            .assuming(c -> !c.matches("[a-z0-9-]"))
            .mix(arbitrary().pick(List.of("--", "-")), 30);
    Seeded.qt()
        .forAll(HYPHENATED, defects, integers().between(0, 100))
        .assuming((slug, defect, at) -> slug.length() <= 45)
        .check(
            (slug, defect, at) -> {
              int i = at % (slug.length() + 1);
              String broken = slug.substring(0, i) + defect + slug.substring(i);
              boolean strayHyphen =
                  broken.startsWith("-") || broken.endsWith("-") || broken.contains("--");
              return defect.equals("-") && !strayHyphen
                  ? OrgSlugPolicy.isValid(broken) == (broken.length() >= 3)
                  : !OrgSlugPolicy.isValid(broken);
            });
  }

  @Test
  void nullIsNotASlug() {
    assertThat(OrgSlugPolicy.isValid(null)).isFalse();
  }

  private static Gen<String> words(int minLength, int maxLength) {
    return lists()
        .of(arbitrary().pick(WORD_CHARACTERS))
        .ofSizeBetween(minLength, maxLength)
        .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  private static Gen<String> hyphenated(Gen<String> words, int minWords, int maxWords) {
    return lists().of(words).ofSizeBetween(minWords, maxWords).map(ws -> String.join("-", ws));
  }
}

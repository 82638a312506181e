package io.quire.command.articles;

import static io.quire.command.articles.TagNormalisation.NO_LETTER_OR_DIGIT;
import static io.quire.command.articles.TagNormalisation.TOO_MANY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contract's examples of the tag rules, and the corners of folding and cutting. */
class TagNormalisationTest {

  @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "Property Testing      | property-testing",
        "Ça marche!            | ca-marche",
        "django                | django",
        "'  Django  '          | django",
        "C++ & C#              | c-c",
        "--event--sourcing--   | event-sourcing",
        "Ünïcödé Åccents       | unicode-accents",
        "Crème brûlée          | creme-brulee",
        "ﬁne                   | fine",
        "ＪＡＶＡ 17            | java-17",
        "H₂O²                  | h2o2",
        "Straße                | strasse",
        "Ørsted 2026           | orsted-2026",
        "Łódź                  | lodz",
        "Ærø Œuvre             | aero-oeuvre",
        "Þórður                | thordur",
        "naïve_bayes.v2        | naive-bayes-v2",
        "emoji 🎉 party        | emoji-party",
        "tabs\tand\u00A0nbsp   | tabs-and-nbsp",
        "e\u0301te\u0301       | ete",
        "A                     | a",
        "007                   | 007"
      })
  void eachTagBecomesASlug(String tag, String slug) {
    assertThat(TagNormalisation.normalise(List.of(tag)).tags()).containsExactly(slug);
  }

  @Test
  void duplicatesAfterNormalisingAreDroppedKeepingTheFirstSeen() {
    assertThat(TagNormalisation.normalise(List.of("Django", " django ", "DJANGO")).tags())
        .containsExactly("django");
  }

  @Test
  void thePactsTagsNormaliseInFirstSeenOrder() {
    assertThat(
            TagNormalisation.normalise(List.of("Django", " django ", "Property Testing", "DJANGO"))
                .tags())
        .containsExactly("django", "property-testing");
  }

  @Test
  void aWhitespaceOnlyTagIsRefusedWithTheContractsMessage() {
    TagNormalisation.Result result = TagNormalisation.normalise(List.of("ok", "   "));

    assertThat(result.isAccepted()).isFalse();
    assertThat(result.problem()).contains("Tags must contain a letter or digit.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\t\n",
        "\u00A0",
        "\u2003",
        "\u3000",
        "\u00A0\u2003\u3000 ",
        "-",
        "---",
        "!?#",
        "_",
        "🎉",
        "👍🏽🎉",
        "日本語",
        "\u0301"
      })
  void aTagWithoutALetterOrDigitIsRefused(String tag) {
    assertThat(TagNormalisation.normalise(List.of("fine", tag)).problem())
        .contains(NO_LETTER_OR_DIGIT);
    assertThat(TagNormalisation.slugOf(tag)).isEmpty();
  }

  @Test
  void aNullTagIsRefused() {
    assertThat(TagNormalisation.normalise(Arrays.asList("fine", null)).problem())
        .contains(NO_LETTER_OR_DIGIT);
  }

  @Test
  void noListIsNoTags() {
    assertThat(TagNormalisation.normalise(null).tags()).isEmpty();
    assertThat(TagNormalisation.normalise(List.of()).tags()).isEmpty();
  }

  @Test
  void twentyOneDistinctTagsAreRefused() {
    List<String> tags = IntStream.rangeClosed(1, 21).mapToObj(i -> "tag " + i).toList();

    assertThat(TagNormalisation.normalise(tags).problem()).contains(TOO_MANY);
    assertThat(TOO_MANY).isEqualTo("Use at most 20 distinct tags.");
  }

  @Test
  void twentyFiveTagsWithOnlyTwentyDistinctAreAccepted() {
    List<String> tags = new ArrayList<>();
    IntStream.rangeClosed(1, 20).mapToObj(i -> "Tag " + i).forEach(tags::add);
    IntStream.rangeClosed(1, 5).mapToObj(i -> " TAG-" + i + " ").forEach(tags::add);

    TagNormalisation.Result result = TagNormalisation.normalise(tags);

    assertThat(result.problem()).isEmpty();
    assertThat(result.tags())
        .hasSize(20)
        .startsWith("tag-1", "tag-2")
        .endsWith("tag-20")
        .doesNotHaveDuplicates();
  }

  @Test
  void aLongTagIsCutToFiftyCharacters() {
    assertThat(TagNormalisation.slugOf("x".repeat(300))).contains("x".repeat(50));
  }

  @Test
  void aCutThatEndsOnAHyphenDropsIt() {
    String tag = "a".repeat(49) + " bcd";

    assertThat(TagNormalisation.slugOf(tag)).contains("a".repeat(49));
  }

  @Test
  void theCutCountsCharactersOfTheSlugNotOfTheGivenTag() {
    String tag = "  !!" + "é".repeat(50) + "!!";

    assertThat(TagNormalisation.slugOf(tag)).contains("e".repeat(50));
  }

  @Test
  void tagsThatDifferOnlyAfterTheCutAreDuplicates() {
    String common = "w".repeat(50);

    assertThat(TagNormalisation.normalise(List.of(common + "one", common + "two")).tags())
        .containsExactly(common);
  }

  @Test
  void theTagsOfARefusalCannotBeUsedByMistake() {
    TagNormalisation.Result refused = TagNormalisation.normalise(List.of(" "));

    assertThatThrownBy(refused::tags)
        .isInstanceOf(InvalidTagsException.class)
        .hasMessage(NO_LETTER_OR_DIGIT);
  }

  @Test
  void normalisedTagsCannotBeModified() {
    List<String> tags = TagNormalisation.normalise(List.of("a", "b")).tags();

    assertThatThrownBy(() -> tags.add("c")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everySingleCharacterFoldsToASlugOrToNothing() {
    // All of Unicode, one code point at a time (some decompose into several, like ㎧ into m∕s).
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      String tag = new String(Character.toChars(cp));
      int codePoint = cp;
      TagNormalisation.slugOf(tag)
          .ifPresent(
              slug ->
                  assertThat(slug).as("U+%04X", codePoint).matches(TagNormalisation.SLUG_PATTERN));
    }
  }
}

package io.quire.command.articles;

import static io.quire.command.articles.TagNormalisation.MAX_DISTINCT_TAGS;
import static io.quire.command.articles.TagNormalisation.MAX_LENGTH;
import static io.quire.command.articles.TagNormalisation.NO_LETTER_OR_DIGIT;
import static io.quire.command.articles.TagNormalisation.SLUG_PATTERN;
import static io.quire.command.articles.TagNormalisation.TOO_MANY;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The tag rules of the contract, for generated tags: mixed case, accents, Unicode spaces,
 * punctuation, emoji, characters without an ASCII fold, empty strings and tags of hundreds of
 * characters.
 */
class TagNormalisationProperties {

  private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

  private static final List<String> ASCII_LETTERS_AND_DIGITS =
      Stream.of("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "0123456789")
          .flatMap(s -> s.chars().mapToObj(c -> String.valueOf((char) c)))
          .toList();

  /** Accented letters and letters without a decomposition, and their ASCII fold. */
  private static final Map<String, String> ACCENTED =
      Map.ofEntries(
          Map.entry("é", "e"),
          Map.entry("É", "E"),
          Map.entry("è", "e"),
          Map.entry("ü", "u"),
          Map.entry("Ü", "U"),
          Map.entry("Å", "A"),
          Map.entry("å", "a"),
          Map.entry("ç", "c"),
          Map.entry("Ç", "C"),
          Map.entry("ñ", "n"),
          Map.entry("ô", "o"),
          Map.entry("ï", "i"),
          Map.entry("e\u0301", "e"),
          Map.entry("ß", "ss"),
          Map.entry("Ø", "O"),
          Map.entry("æ", "ae"),
          Map.entry("Ł", "L"),
          Map.entry("þ", "th"),
          Map.entry("Ａ", "A"),
          Map.entry("ｚ", "z"),
          Map.entry("²", "2"));

  /** Whitespace, ASCII and Unicode. */
  private static final List<String> SPACES =
      List.of(" ", "\t", "\n", "\r", "\u00A0", "\u2003", "\u2009", "\u202F", "\u3000");

  private static final List<String> PUNCTUATION =
      List.of("-", "--", "_", ".", ",", "!", "?", "#", "+", "/", "'", "\"", "(", ")", "&", "@");

  /** Characters with no ASCII fold: letters of other scripts, emoji, a zero-width space. */
  private static final List<String> NO_FOLD = List.of("Ω", "ж", "日", "本", "🎉", "👍🏽", "\u200B");

  /** Combining marks with nothing to combine with: dropped, so they separate nothing. */
  private static final List<String> LONE_MARKS = List.of("\u0301", "\u0308", "\u20DD");

  private static final Gen<String> LETTER_OR_DIGIT =
      arbitrary()
          .pick(ASCII_LETTERS_AND_DIGITS)
          .mix(arbitrary().pick(List.copyOf(ACCENTED.keySet())), 30);

  private static final Gen<String> OTHER =
      arbitrary()
          .pick(SPACES)
          .mix(arbitrary().pick(PUNCTUATION), 40)
          .mix(arbitrary().pick(NO_FOLD), 30);

  private static final Gen<String> PIECE =
      Generate.frequency(Pair.of(6, LETTER_OR_DIGIT), Pair.of(4, OTHER));

  /** A tag with no letter or digit: empty, whitespace, punctuation, emoji, other scripts. */
  private static final Gen<String> LETTERLESS =
      joined(OTHER.mix(arbitrary().pick(LONE_MARKS), 10), 0, 12);

  /** A tag with at least one letter or digit, now and then hundreds of characters long. */
  private static final Gen<String> TAG =
      Generate.frequency(
          Pair.of(
              8,
              joined(PIECE, 0, 12)
                  .zip(LETTER_OR_DIGIT, joined(PIECE, 0, 12), (a, l, b) -> a + l + b)),
          Pair.of(
              1,
              joined(PIECE, 100, 400)
                  .zip(LETTER_OR_DIGIT, joined(PIECE, 0, 100), (a, l, b) -> a + l + b)),
          Pair.of(1, strings().allPossible().ofLengthBetween(1, 20).map(s -> s + "x")));

  /** Spellings of a few tags, so that lists often hold duplicates. */
  private static final Gen<String> VARIANT =
      arbitrary()
          .pick(
              List.of(
                  "Django",
                  " django ",
                  "DJANGO",
                  "Ça marche!",
                  "ca-marche",
                  "CA  MARCHE",
                  "Event Sourcing",
                  "event_sourcing",
                  "événement",
                  "EVENEMENT"));

  private static final Gen<List<String>> TAG_LISTS =
      lists().of(TAG.mix(VARIANT, 40)).ofSizeBetween(0, 26);

  /** Lists that are sometimes refused for a letterless tag. */
  private static final Gen<List<String>> ANY_TAG_LISTS =
      lists()
          .of(Generate.frequency(Pair.of(30, TAG.mix(VARIANT, 40)), Pair.of(1, LETTERLESS)))
          .ofSizeBetween(0, 26);

  @Test
  void acceptedTagsAreSlugsOfAtMostFiftyCharacters() {
    Seeded.qt()
        .forAll(TAG_LISTS)
        .check(
            tags ->
                accepted(tags).stream()
                    .allMatch(tag -> tag.length() <= MAX_LENGTH && SLUG.matcher(tag).matches()));
  }

  @Test
  void acceptedTagsAreDistinctAndAtMostTwenty() {
    Seeded.qt()
        .forAll(TAG_LISTS)
        .check(
            tags -> {
              List<String> normalised = accepted(tags);
              return normalised.size() <= MAX_DISTINCT_TAGS
                  && new HashSet<>(normalised).size() == normalised.size();
            });
  }

  @Test
  void normalisingTwiceChangesNothing() {
    Seeded.qt()
        .forAll(TAG_LISTS)
        .check(
            tags -> {
              TagNormalisation.Result once = TagNormalisation.normalise(tags);
              return !once.isAccepted()
                  || TagNormalisation.normalise(once.tags()).tags().equals(once.tags());
            });
  }

  @Test
  void theResultIsTheDistinctSlugsOfTheTagsInFirstSeenOrder() {
    Seeded.qt()
        .forAll(ANY_TAG_LISTS)
        .check(
            tags -> {
              List<Optional<String>> slugs = tags.stream().map(TagNormalisation::slugOf).toList();
              Set<String> distinct =
                  slugs.stream()
                      .flatMap(Optional::stream)
                      .collect(Collectors.toCollection(LinkedHashSet::new));
              TagNormalisation.Result result = TagNormalisation.normalise(tags);
              if (slugs.stream().anyMatch(Optional::isEmpty)) {
                return result.problem().equals(Optional.of(NO_LETTER_OR_DIGIT));
              }
              if (distinct.size() > MAX_DISTINCT_TAGS) {
                return result.problem().equals(Optional.of(TOO_MANY));
              }
              return result.tags().equals(List.copyOf(distinct));
            });
  }

  @Test
  void aListWithAWhitespaceOnlyOrLetterlessTagIsAlwaysRefused() {
    Seeded.qt()
        .forAll(lists().of(TAG).ofSizeBetween(0, 10), LETTERLESS, integers().between(0, 10))
        .check(
            (tags, letterless, at) -> {
              List<String> withIt = new ArrayList<>(tags);
              withIt.add(Math.min(at, tags.size()), letterless);
              return TagNormalisation.normalise(withIt)
                  .problem()
                  .equals(Optional.of(NO_LETTER_OR_DIGIT));
            });
  }

  @Test
  void moreThanTwentyDistinctTagsAreAlwaysRefused() {
    Seeded.qt()
        .forAll(integers().between(21, 40), TAG_LISTS, integers().between(0, 1000))
        .check(
            (count, extra, seed) -> {
              List<String> tags = new ArrayList<>();
              for (int i = 0; i < count; i++) {
                tags.add(decorated("Topic " + i, seed + i));
              }
              tags.addAll(extra);
              return TagNormalisation.normalise(tags).problem().equals(Optional.of(TOO_MANY));
            });
  }

  @Test
  void anyNumberOfSpellingsOfAtMostTwentyTagsIsAccepted() {
    Seeded.qt()
        .forAll(integers().between(1, 20), integers().between(0, 60), integers().between(0, 1000))
        .check(
            (distinct, repeats, seed) -> {
              List<String> tags = new ArrayList<>();
              for (int i = 0; i < distinct + repeats; i++) {
                tags.add(decorated("Topic " + (i % distinct), seed + i));
              }
              List<String> expected = new ArrayList<>();
              for (int i = 0; i < distinct; i++) {
                expected.add("topic-" + i);
              }
              return TagNormalisation.normalise(tags).tags().equals(expected);
            });
  }

  @Test
  void wordsJoinedByAnyRunOfOtherCharactersBecomeLowerCaseWordsJoinedByHyphens() {
    Gen<String> word = joined(arbitrary().pick(ASCII_LETTERS_AND_DIGITS), 1, 12);
    Gen<String> separator = joined(OTHER, 1, 4);
    Seeded.qt()
        .forAll(
            lists().of(word).ofSizeBetween(1, 12),
            lists().of(separator).ofSize(13),
            lists().of(joined(OTHER, 0, 3)).ofSize(2))
        .check(
            (words, separators, ends) -> {
              StringBuilder tag = new StringBuilder(ends.get(0));
              for (int i = 0; i < words.size(); i++) {
                tag.append(i == 0 ? "" : separators.get(i)).append(words.get(i));
              }
              tag.append(ends.get(1));
              String expected = cut(String.join("-", words).toLowerCase(Locale.ROOT));
              return TagNormalisation.slugOf(tag.toString()).equals(Optional.of(expected));
            });
  }

  @Test
  void accentsAndCaseDoNotMatter() {
    Gen<List<String>> letters =
        lists().of(arbitrary().pick(List.copyOf(ACCENTED.keySet()))).ofSizeBetween(1, 60);
    Seeded.qt()
        .forAll(letters)
        .check(
            accented -> {
              String folded = accented.stream().map(ACCENTED::get).collect(Collectors.joining());
              Optional<String> slug = TagNormalisation.slugOf(String.join("", accented));
              return slug.equals(TagNormalisation.slugOf(folded))
                  && slug.equals(TagNormalisation.slugOf(folded.toUpperCase(Locale.ROOT)))
                  && slug.equals(Optional.of(cut(folded.toLowerCase(Locale.ROOT))));
            });
  }

  @Test
  void aTagHasASlugIfAndOnlyIfItHasAnAsciiLetterOrDigitOnceFolded() {
    Seeded.qt()
        .forAll(TAG.mix(LETTERLESS, 30))
        .check(
            tag ->
                TagNormalisation.slugOf(tag).isPresent()
                    == java.text.Normalizer.normalize(tag, java.text.Normalizer.Form.NFKD)
                        .chars()
                        .anyMatch(
                            c ->
                                (c >= 'a' && c <= 'z')
                                    || (c >= 'A' && c <= 'Z')
                                    || (c >= '0' && c <= '9')
                                    || LATIN_LETTERS_WITHOUT_DECOMPOSITION.indexOf(c) >= 0));
  }

  /** Latin letters that NFKD leaves alone and that have an ASCII spelling (ß: ss, ø: o, ...). */
  private static final String LATIN_LETTERS_WITHOUT_DECOMPOSITION = "ßẞæÆœŒøØðÐđĐłŁþÞıħĦŧŦŋŊƒ";

  @Test
  void otherCharactersAroundATagDoNotChangeItsSlug() {
    Seeded.qt()
        .forAll(TAG, LETTERLESS, LETTERLESS)
        .check(
            (tag, before, after) ->
                TagNormalisation.slugOf(before + " " + tag + " " + after)
                    .equals(TagNormalisation.slugOf(tag)));
  }

  /** The normalised tags of an accepted list, nothing for a refused one. */
  private static List<String> accepted(List<String> tags) {
    TagNormalisation.Result result = TagNormalisation.normalise(tags);
    return result.isAccepted() ? result.tags() : List.of();
  }

  /** A slug cut to the maximum length, without a hyphen left at the end. */
  private static String cut(String slug) {
    if (slug.length() <= MAX_LENGTH) {
      return slug;
    }
    String cut = slug.substring(0, MAX_LENGTH);
    return cut.endsWith("-") ? cut.substring(0, MAX_LENGTH - 1) : cut;
  }

  /** The same tag spelt differently: letter case, surrounding spaces and punctuation. */
  private static String decorated(String tag, int seed) {
    String spelt =
        switch (Math.floorMod(seed, 4)) {
          case 0 -> tag;
          case 1 -> tag.toUpperCase(Locale.ROOT);
          case 2 -> tag.toLowerCase(Locale.ROOT).replace(' ', '_');
          default -> tag.replace(" ", "\u00A0!\u3000");
        };
    return SPACES.get(Math.floorMod(seed, SPACES.size()))
        + spelt
        + NO_FOLD.get(Math.floorMod(seed, NO_FOLD.size()));
  }

  private static Gen<String> joined(Gen<String> pieces, int min, int max) {
    return lists().of(pieces).ofSizeBetween(min, max).map(ps -> String.join("", ps));
  }
}

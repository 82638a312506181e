package io.quire.command.articles;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The tag rules of the API contract, in one place: what a given list of tags becomes, or why it is
 * refused.
 *
 * <p>Each tag becomes a slug: Unicode is folded to ASCII (NFKD decomposition, then combining marks
 * dropped, then the Latin letters that have no decomposition spelled in ASCII as is usual: {@code
 * ß} as {@code ss}, {@code æ} as {@code ae}, {@code ø} as {@code o}, {@code ł} as {@code l}, {@code
 * þ} as {@code th}, ...; a character that still does not fold to an ASCII letter or digit is an
 * "other character"), lower-cased, every run of other characters becomes one {@code -}, and leading
 * and trailing {@code -} are dropped. The slug matches {@value #SLUG_PATTERN} and is cut to at most
 * {@value #MAX_LENGTH} characters (a {@code -} the cut leaves at the end is dropped too, so it
 * still matches). Duplicates are then dropped, keeping the first-seen order: {@code ["Django", "
 * django ", "DJANGO"]} becomes {@code ["django"]}; {@code "Straße"} becomes {@code "strasse"} and
 * {@code "Łódź"} {@code "lodz"}. Characters without an ASCII fold separate words, and a tag of only
 * such characters ({@code "日本"}, emoji) has no letter or digit.
 *
 * <p>A tag that is {@code null}, empty, whitespace-only (Unicode spaces too) or has no letter or
 * digit once folded is refused ({@value #NO_LETTER_OR_DIGIT}); so are more than {@value
 * #MAX_DISTINCT_TAGS} distinct tags ({@value #TOO_MANY}). A {@code null} list is no tags.
 *
 * <p>The API shows a refusal as a validation error on {@code tags}; the {@link Article} aggregate
 * refuses tags that are not already normalised.
 */
public final class TagNormalisation {

  /** The shape of every normalised tag. */
  public static final String SLUG_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

  /** The longest a normalised tag may be. */
  public static final int MAX_LENGTH = 50;

  /** The most distinct tags an article may have. */
  public static final int MAX_DISTINCT_TAGS = 20;

  /** The refusal of a tag with no letter or digit (empty, blank, punctuation, emoji, null). */
  public static final String NO_LETTER_OR_DIGIT = "Tags must contain a letter or digit.";

  /** The refusal of more than {@value #MAX_DISTINCT_TAGS} distinct tags. */
  public static final String TOO_MANY = "Use at most 20 distinct tags.";

  private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern OTHER_CHARACTERS = Pattern.compile("[^a-z0-9]+");

  /**
   * Latin letters that NFKD leaves as they are, with their usual ASCII spelling (as in ICU's
   * Latin-ASCII transliteration). Django's {@code slugify} drops them, which made {@code "ß"} a tag
   * "without a letter".
   */
  private static final Map<Character, String> LATIN_LETTERS =
      Map.ofEntries(
          Map.entry('ß', "ss"),
          Map.entry('ẞ', "SS"),
          Map.entry('æ', "ae"),
          Map.entry('Æ', "AE"),
          Map.entry('œ', "oe"),
          Map.entry('Œ', "OE"),
          Map.entry('ø', "o"),
          Map.entry('Ø', "O"),
          Map.entry('ð', "d"),
          Map.entry('Ð', "D"),
          Map.entry('đ', "d"),
          Map.entry('Đ', "D"),
          Map.entry('ł', "l"),
          Map.entry('Ł', "L"),
          Map.entry('þ', "th"),
          Map.entry('Þ', "TH"),
          Map.entry('ı', "i"),
          Map.entry('ħ', "h"),
          Map.entry('Ħ', "H"),
          Map.entry('ŧ', "t"),
          Map.entry('Ŧ', "T"),
          Map.entry('ŋ', "n"),
          Map.entry('Ŋ', "N"),
          Map.entry('ƒ', "f"));

  private TagNormalisation() {}

  /**
   * Normalises the tags of an article.
   *
   * @param tags the tags as given, {@code null} for none
   * @return the normalised tags, or the refusal (never both)
   */
  public static Result normalise(List<String> tags) {
    if (tags == null) {
      return Result.accepted(List.of());
    }
    Set<String> distinct = new LinkedHashSet<>();
    for (String tag : tags) {
      Optional<String> slug = slugOf(tag);
      if (slug.isEmpty()) {
        return Result.refused(NO_LETTER_OR_DIGIT);
      }
      distinct.add(slug.get());
    }
    if (distinct.size() > MAX_DISTINCT_TAGS) {
      return Result.refused(TOO_MANY);
    }
    return Result.accepted(List.copyOf(distinct));
  }

  /**
   * The slug one tag becomes (also what a {@code ?tag=} filter should be compared as).
   *
   * @return the slug, empty when the tag is {@code null} or has no letter or digit once folded
   */
  public static Optional<String> slugOf(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    String folded =
        latinLetters(
            COMBINING_MARKS
                .matcher(Normalizer.normalize(tag, Normalizer.Form.NFKD))
                .replaceAll(""));
    String hyphenated = OTHER_CHARACTERS.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("-");
    String slug = trimHyphens(hyphenated);
    if (slug.length() > MAX_LENGTH) {
      slug = trimHyphens(slug.substring(0, MAX_LENGTH));
    }
    return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
  }

  private static String latinLetters(String s) {
    StringBuilder spelled = null;
    for (int i = 0; i < s.length(); i++) {
      String ascii = LATIN_LETTERS.get(s.charAt(i));
      if (ascii != null && spelled == null) {
        spelled = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (spelled != null) {
        spelled.append(ascii != null ? ascii : String.valueOf(s.charAt(i)));
      }
    }
    return spelled == null ? s : spelled.toString();
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }

  /**
   * What {@link #normalise} made of a list of tags: either the normalised tags or the reason they
   * are refused. {@link #tags()} throws on a refusal, so a caller that forgets to look at {@link
   * #problem()} fails loudly instead of going on with wrong tags.
   */
  public static final class Result {

    private final List<String> tags;
    private final String problem;

    private Result(List<String> tags, String problem) {
      this.tags = tags;
      this.problem = problem;
    }

    static Result accepted(List<String> tags) {
      return new Result(List.copyOf(tags), null);
    }

    static Result refused(String problem) {
      return new Result(null, Objects.requireNonNull(problem, "problem"));
    }

    /** Why the tags are refused, for people (a field error on {@code tags}); empty if accepted. */
    public Optional<String> problem() {
      return Optional.ofNullable(problem);
    }

    /** Whether the tags are accepted. */
    public boolean isAccepted() {
      return problem == null;
    }

    /**
     * The normalised tags: slugs, distinct, in first-seen order, at most {@value
     * #MAX_DISTINCT_TAGS}; unmodifiable.
     *
     * @throws InvalidTagsException when the tags are refused (carrying {@link #problem()})
     */
    public List<String> tags() {
      if (problem != null) {
        throw new InvalidTagsException(problem);
      }
      return tags;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Result that
          && Objects.equals(tags, that.tags)
          && Objects.equals(problem, that.problem);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tags, problem);
    }

    @Override
    public String toString() {
      return problem == null ? "Accepted" + tags : "Refused[" + problem + "]";
    }
  }
}

package io.quire.query.exports;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generated text for the export properties: what CSV must quote (commas, quotes, CR, LF, CRLF),
 * spaces, accents, scripts and characters outside the Basic Multilingual Plane (surrogate pairs in
 * Java strings, four bytes in UTF-8), mixed with arbitrary Unicode scalar values.
 */
final class ExportTexts {

  private static final List<String> FRAGMENTS =
      List.of(
          ",",
          "\"",
          "\"\"",
          "\r",
          "\n",
          "\r\n",
          " ",
          "a",
          "Plan",
          "Zürich",
          "e\u0301",
          "日本語",
          "😀",
          "𝄞",
          "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "\t",
          "'",
          ";",
          "=1+2");

  private ExportTexts() {}

  /** One Unicode scalar value (any code point but a surrogate), as a string. */
  static Gen<String> scalar() {
    return integers()
        .between(1, Character.MAX_CODE_POINT)
        .assuming(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .map(Character::toString);
  }

  /** Text of up to a dozen pieces, each a tricky fragment or an arbitrary character. */
  static Gen<String> text() {
    Gen<String> piece = Generate.pick(FRAGMENTS).mix(scalar());
    return lists().of(piece).ofSizeBetween(0, 12).map(pieces -> String.join("", pieces));
  }
}

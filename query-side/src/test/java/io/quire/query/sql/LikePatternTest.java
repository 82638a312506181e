package io.quire.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void wildcardsAndTheEscapeCharacterAreEscaped() {
    assertThat(LikePattern.escape("50%_off\\")).isEqualTo("50\\%\\_off\\\\");
  }

  @Test
  void plainTextIsUnchangedAndContainingWrapsItInPercentSigns() {
    assertThat(LikePattern.containing("report")).isEqualTo("%report%");
    assertThat(LikePattern.containing("")).isEqualTo("%%");
  }

  @Test
  void escapedTextHasNoWildcardLeftAndUnescapesToItself() {
    Seeded.qt()
        .forAll(strings().ascii().ofLengthBetween(0, 30))
        .checkAssert(
            text -> {
              String escaped = LikePattern.escape(text);
              StringBuilder unescaped = new StringBuilder();
              for (int i = 0; i < escaped.length(); i++) {
                char c = escaped.charAt(i);
                assertThat(c).as("unescaped wildcard in %s", escaped).isNotIn('%', '_');
                if (c == LikePattern.ESCAPE) {
                  i++;
                  c = escaped.charAt(i);
                }
                unescaped.append(c);
              }
              assertThat(unescaped.toString()).isEqualTo(text);
            });
  }
}

package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class AccessTokensProperties {

  // Well-formed text only: a lone surrogate encodes to '?' in UTF-8, so two different malformed
  // strings can be the same bytes (real tokens are ASCII hex).
  private static final Gen<String> TOKENS =
      strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(0, 100);

  @Test
  void aStoredHashVerifiesItsToken() {
    Seeded.qt()
        .forAll(TOKENS)
        .check(token -> AccessTokens.matches(AccessTokens.hash(token), token));
  }

  @Test
  void aStoredHashNeverVerifiesATokenWithOneCharacterChanged() {
    Seeded.qt()
        .forAll(
            strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 100),
            integers().between(0, 99),
            integers().between(1, 0xD7FF))
        .check(
            (stored, position, shift) -> {
              int i = position % stored.length();
              char changed = (char) ((stored.charAt(i) + shift) % 0xD800);
              String other = stored.substring(0, i) + changed + stored.substring(i + 1);
              return other.equals(stored)
                  || !AccessTokens.matches(AccessTokens.hash(stored), other);
            });
  }

  @Test
  void aStoredHashNeverVerifiesALongerOrShorterToken() {
    Seeded.qt()
        .forAll(TOKENS, strings().betweenCodePoints(0x20, 0xD7FF).ofLengthBetween(1, 20))
        .check(
            (stored, extra) ->
                !AccessTokens.matches(AccessTokens.hash(stored), stored + extra)
                    && !AccessTokens.matches(AccessTokens.hash(stored + extra), stored));
  }

  @Test
  void generatedTokensCarry256RandomBitsAndNeverRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String token = AccessTokens.generate();
      assertThat(token).matches("[0-9a-f]{64}");
      assertThat(seen.add(token)).isTrue();
    }
  }
}

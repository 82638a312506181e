package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Whatever the password (any Unicode, empty, long) and whatever iteration count made its hash, the
 * password matches its hash and no other password does.
 */
class PasswordHashesProperties {

  private final PasswordHashes hashes = new PasswordHashes(50, new SecureRandom());

  @Test
  void aPasswordMatchesItsHashWhateverCountMadeIt() {
    Seeded.qt()
        .withExamples(200)
        .forAll(passwords(), integers().between(1, 200))
        .checkAssert(
            (password, iterations) -> {
              String hash = new PasswordHashes(iterations, new SecureRandom()).encode(password);

              assertThat(hashes.matches(password, hash)).isTrue();
              assertThat(hashes.upgradeEncoding(hash)).isEqualTo(iterations != 50);
            });
  }

  @Test
  void noOtherPasswordMatches() {
    Seeded.qt()
        .withExamples(200)
        .forAll(passwords(), passwords())
        .assuming((password, other) -> !password.equals(other))
        .checkAssert(
            (password, other) ->
                assertThat(hashes.matches(other, hashes.encode(password))).isFalse());
  }

  private static Gen<String> passwords() {
    return strings()
        .betweenCodePoints(1, 0xD7FF)
        .ofLengthBetween(0, 40)
        .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 300), 30);
  }
}

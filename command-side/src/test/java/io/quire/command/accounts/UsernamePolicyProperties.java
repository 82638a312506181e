package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class UsernamePolicyProperties {

  private static final List<Character> ALLOWED =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"
          .chars()
          .mapToObj(c -> (char) c)
          .toList();

  private static Gen<String> allowedCharacters(int min, int max) {
    return lists()
        .of(arbitrary().pick(ALLOWED))
        .ofSizeBetween(min, max)
        .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  @Test
  void threeTo150AllowedCharactersAreAlwaysValid() {
    Seeded.qt().forAll(allowedCharacters(3, 150)).check(UsernamePolicy::isValid);
  }

  @Test
  void namesShorterThanThreeOrLongerThan150AreNeverValid() {
    Seeded.qt().forAll(allowedCharacters(0, 2)).check(name -> !UsernamePolicy.isValid(name));
    Seeded.qt().forAll(allowedCharacters(151, 300)).check(name -> !UsernamePolicy.isValid(name));
  }

  @Test
  void anyOtherCharacterMakesANameInvalid() {
    Gen<Character> forbidden =
        strings()
            .allPossible()
            .ofLength(1)
            .map(s -> s.charAt(0))
            .assuming(c -> !ALLOWED.contains(c));
    Seeded.qt()
        .forAll(allowedCharacters(3, 140), forbidden, integers().between(0, 140))
        .check(
            (name, bad, at) -> {
              int i = Math.min(at, name.length());
              return !UsernamePolicy.isValid(name.substring(0, i) + bad + name.substring(i));
            });
  }

  @Test
  void theKeyIgnoresCaseAndNothingElse() {
    Seeded.qt()
        .forAll(allowedCharacters(3, 150))
        .check(
            name ->
                UsernamePolicy.key(name).equals(UsernamePolicy.key(name.toUpperCase(Locale.ROOT)))
                    && UsernamePolicy.key(name)
                        .equals(UsernamePolicy.key(name.toLowerCase(Locale.ROOT)))
                    && UsernamePolicy.key(name).length() == name.length());
    Seeded.qt()
        .forAll(allowedCharacters(3, 20), allowedCharacters(3, 20))
        .assuming((a, b) -> !a.equalsIgnoreCase(b))
        .check((a, b) -> !UsernamePolicy.key(a).equals(UsernamePolicy.key(b)));
  }

  @Test
  void nullIsNotAUsername() {
    assertThat(UsernamePolicy.isValid(null)).isFalse();
  }
}

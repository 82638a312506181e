package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

class PasswordHashesTest {

  private final PasswordHashes hashes = new PasswordHashes(1_000, new SecureRandom());

  @Test
  void aHashSaysItsAlgorithmAndIterationCount() {
    assertThat(hashes.encode("correct-horse"))
        .matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
  }

  @Test
  void twoHashesOfOnePasswordDifferByTheirSalt() {
    assertThat(hashes.encode("correct-horse")).isNotEqualTo(hashes.encode("correct-horse"));
  }

  @Test
  void aHashMadeWithAnotherIterationCountStillMatchesAndIsToBeMadeAgain() {
    String old = new PasswordHashes(2_000, new SecureRandom()).encode("correct-horse");

    assertThat(hashes.matches("correct-horse", old)).isTrue();
    assertThat(hashes.matches("wrong-horse", old)).isFalse();
    assertThat(hashes.upgradeEncoding(old)).isTrue();
    assertThat(hashes.upgradeEncoding(hashes.encode("correct-horse"))).isFalse();
  }

  @Test
  void aHashOfTheFormerFormatStillMatchesAndIsToBeMadeAgain() {
    String former =
        new Pbkdf2PasswordEncoder("", 16, 1_000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)
            .encode("correct-horse");

    assertThat(former).matches("[0-9a-f]{96}");
    assertThat(hashes.matches("correct-horse", former)).isTrue();
    assertThat(hashes.matches("wrong-horse", former)).isFalse();
    assertThat(hashes.upgradeEncoding(former)).isTrue();
  }

  @Test
  void aMalformedHashMatchesNothing() {
    for (String malformed :
        new String[] {
          "",
          "$",
          "zz",
          "abc",
          "$pbkdf2-sha256$i=0$AAAA$AAAA",
          "$pbkdf2-sha256$i=1000$$AAAA",
          "$pbkdf2-sha256$i=1000$AAAA",
          "$pbkdf2-sha512$i=1000$AAAA$AAAA",
          "$pbkdf2-sha256$i=99999999999$AAAA$AAAA"
        }) {
      assertThat(hashes.matches("correct-horse", malformed)).as(malformed).isFalse();
    }
    assertThat(hashes.matches("correct-horse", null)).isFalse();
  }
}

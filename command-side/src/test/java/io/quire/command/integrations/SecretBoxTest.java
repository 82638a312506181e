package io.quire.command.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sealing secrets: only the same key (or, after a rotation, a previous one) and the same context
 * open them, and nothing altered does.
 */
class SecretBoxTest {

  private static final byte[] KEY = new byte[32];
  private static final byte[] OTHER_KEY = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      KEY[i] = (byte) i;
      OTHER_KEY[i] = (byte) (i + 1);
    }
  }

  private final SecretBox box = new SecretBox(KEY, new SecureRandom());

  @Test
  void aSealedSecretOpensWithTheSameKeyAndContext() {
    String sealed = box.seal("whsec_abc", "integration-1");
    assertThat(box.open(sealed, "integration-1")).isEqualTo("whsec_abc");
  }

  @Test
  void theSealedFormDoesNotContainTheSecret() {
    String sealed = box.seal("whsec_abcdefghijklmnop", "integration-1");
    assertThat(sealed).startsWith("v1.").doesNotContain("whsec_").doesNotContain("abcdefghij");
  }

  @Test
  void sealingTheSameSecretTwiceGivesDifferentValues() {
    assertThat(box.seal("whsec_abc", "i")).isNotEqualTo(box.seal("whsec_abc", "i"));
  }

  @Test
  void aSealedSecretDoesNotOpenForAnotherContext() {
    String sealed = box.seal("whsec_abc", "integration-1");
    assertThatThrownBy(() -> box.open(sealed, "integration-2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSealedSecretDoesNotOpenWithAnotherKey() {
    String sealed = box.seal("whsec_abc", "integration-1");
    SecretBox other = new SecretBox(OTHER_KEY, new SecureRandom());
    assertThatThrownBy(() -> other.open(sealed, "integration-1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterTheKeyRotatesASecretSealedWithThePreviousKeyStillOpens() {
    String sealedBefore = box.seal("whsec_abc", "integration-1");

    SecretBox rotated = new SecretBox(OTHER_KEY, List.of(KEY), new SecureRandom());

    assertThat(rotated.open(sealedBefore, "integration-1")).isEqualTo("whsec_abc");
    assertThatThrownBy(() -> rotated.open(sealedBefore, "integration-2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void afterTheKeyRotatesNewSecretsAreSealedWithTheCurrentKeyOnly() {
    SecretBox rotated = new SecretBox(OTHER_KEY, List.of(KEY), new SecureRandom());

    String sealed = rotated.seal("whsec_new", "integration-2");

    assertThat(new SecretBox(OTHER_KEY, new SecureRandom()).open(sealed, "integration-2"))
        .isEqualTo("whsec_new");
    assertThatThrownBy(() -> box.open(sealed, "integration-2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyThatIsNeitherCurrentNorPreviousOpensNothing() {
    byte[] third = OTHER_KEY.clone();
    third[0] ^= 0x55;
    String sealed = new SecretBox(third, new SecureRandom()).seal("whsec_abc", "integration-1");

    SecretBox rotated = new SecretBox(OTHER_KEY, List.of(KEY), new SecureRandom());

    assertThatThrownBy(() -> rotated.open(sealed, "integration-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("current key or a previous one");
  }

  @Test
  void anAlteredSealedSecretDoesNotOpen() {
    String sealed = box.seal("whsec_abc", "integration-1");
    byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
    for (int i = 0; i < bytes.length; i++) {
      byte[] altered = bytes.clone();
      altered[i] ^= 1;
      String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
      assertThatThrownBy(() -> box.open(tampered, "integration-1"))
          .as("byte %d altered", i)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void garbageIsNotASealedSecret() {
    for (String garbage : new String[] {null, "", "v1.", "v1.!!", "whsec_abc", "v2.AAAA"}) {
      assertThatThrownBy(() -> box.open(garbage, "i"))
          .as("%s", garbage)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theKeyMustBe256Bits() {
    assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConfiguredKeyIsBase64Of32Bytes() {
    assertThat(IntegrationsConfiguration.decode(Base64.getEncoder().encodeToString(KEY)))
        .isEqualTo(KEY);
    assertThat(IntegrationsConfiguration.decode(Base64.getUrlEncoder().encodeToString(KEY)))
        .isEqualTo(KEY);
    assertThatThrownBy(() -> IntegrationsConfiguration.decode("c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void previousKeysAreBase64Of32BytesSeparatedByCommas() {
    String key = Base64.getEncoder().encodeToString(KEY);
    String other = Base64.getEncoder().encodeToString(OTHER_KEY);

    assertThat(IntegrationsConfiguration.previousKeys("")).isEmpty();
    assertThat(IntegrationsConfiguration.previousKeys(key + ", " + other + ","))
        .containsExactly(KEY, OTHER_KEY);
    assertThatThrownBy(() -> IntegrationsConfiguration.previousKeys(key + ",c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("QUIRE_PREVIOUS_SECRET_KEYS")
        .hasMessageContaining("32 bytes");
  }
}

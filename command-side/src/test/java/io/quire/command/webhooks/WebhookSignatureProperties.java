package io.quire.command.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The signature scheme, for generated secrets, timestamps and bodies (empty, binary, Unicode): a
 * signature made with the secret always verifies, and changing any byte of the body, the timestamp
 * or the signature, or using another secret, never does.
 */
class WebhookSignatureProperties {

  private static final Gen<String> SECRETS =
      strings().basicLatinAlphabet().ofLengthBetween(1, 60).map((String s) -> "whsec_" + s);
  private static final Gen<String> TIMESTAMPS =
      longs().between(0, 99_999_999_999L).map((Long l) -> Long.toString(l));
  private static final Gen<byte[]> BODIES =
      strings()
          .allPossible()
          .ofLengthBetween(0, 300)
          .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 2_000))
          .mix(strings().betweenCodePoints(0x80, 0x10FFFF).ofLengthBetween(1, 50))
          .map((String s) -> s.getBytes(StandardCharsets.UTF_8));

  @Test
  void aSignatureMadeWithTheSecretAlwaysVerifies() {
    Seeded.qt()
        .forAll(SECRETS, TIMESTAMPS, BODIES)
        .checkAssert(
            (secret, timestamp, body) ->
                assertThat(
                        WebhookSignature.verifies(
                            secret,
                            timestamp,
                            body,
                            WebhookSignature.sign(secret, timestamp, body)))
                    .isTrue());
  }

  @Test
  void changingAnyByteOfTheBodyNeverVerifies() {
    Seeded.qt()
        .forAll(SECRETS, TIMESTAMPS, BODIES.assuming(b -> b.length > 0), integers().all())
        .checkAssert(
            (secret, timestamp, body, where) -> {
              String signature = WebhookSignature.sign(secret, timestamp, body);
              byte[] tampered = body.clone();
              int at = Math.floorMod(where, tampered.length);
              tampered[at] = (byte) (tampered[at] ^ (1 + Math.floorMod(where >> 8, 255)));
              assertThat(WebhookSignature.verifies(secret, timestamp, tampered, signature))
                  .isFalse();
            });
  }

  @Test
  void addingOrRemovingABodyByteNeverVerifies() {
    Seeded.qt()
        .forAll(SECRETS, TIMESTAMPS, BODIES, integers().between(0, 255))
        .checkAssert(
            (secret, timestamp, body, extra) -> {
              String signature = WebhookSignature.sign(secret, timestamp, body);
              byte[] longer = Arrays.copyOf(body, body.length + 1);
              longer[body.length] = (byte) (int) extra;
              assertThat(WebhookSignature.verifies(secret, timestamp, longer, signature)).isFalse();
              if (body.length > 0) {
                byte[] shorter = Arrays.copyOf(body, body.length - 1);
                assertThat(WebhookSignature.verifies(secret, timestamp, shorter, signature))
                    .isFalse();
              }
            });
  }

  @Test
  void changingAnyCharacterOfTheTimestampNeverVerifies() {
    Seeded.qt()
        .forAll(SECRETS, TIMESTAMPS, BODIES, integers().all())
        .checkAssert(
            (secret, timestamp, body, where) -> {
              String signature = WebhookSignature.sign(secret, timestamp, body);
              assertThat(
                      WebhookSignature.verifies(
                          secret,
                          changeOneCharacter(timestamp, where, "0123456789"),
                          body,
                          signature))
                  .isFalse();
            });
  }

  @Test
  void changingAnyCharacterOfTheSignatureNeverVerifies() {
    Seeded.qt()
        .forAll(SECRETS, TIMESTAMPS, BODIES, integers().all())
        .checkAssert(
            (secret, timestamp, body, where) -> {
              String signature = WebhookSignature.sign(secret, timestamp, body);
              String hex = signature.substring("v1=".length());
              String tampered = "v1=" + changeOneCharacter(hex, where, "0123456789abcdef");
              assertThat(WebhookSignature.verifies(secret, timestamp, body, tampered)).isFalse();
            });
  }

  @Test
  void anotherSecretNeverVerifies() {
    Seeded.qt()
        .forAll(SECRETS, SECRETS, TIMESTAMPS, BODIES)
        .assuming((secret, other, timestamp, body) -> !secret.equals(other))
        .checkAssert(
            (secret, other, timestamp, body) ->
                assertThat(
                        WebhookSignature.verifies(
                            other, timestamp, body, WebhookSignature.sign(secret, timestamp, body)))
                    .isFalse());
  }

  /** {@code text} with the character at {@code where} (mod its length) replaced by another one. */
  private static String changeOneCharacter(String text, int where, String alphabet) {
    int at = Math.floorMod(where, text.length());
    char current = text.charAt(at);
    int next = (alphabet.indexOf(current) + 1 + Math.floorMod(where >> 8, alphabet.length() - 1));
    char replacement = alphabet.charAt(next % alphabet.length());
    if (replacement == current) {
      replacement = alphabet.charAt((alphabet.indexOf(current) + 1) % alphabet.length());
    }
    return text.substring(0, at) + replacement + text.substring(at + 1);
  }
}

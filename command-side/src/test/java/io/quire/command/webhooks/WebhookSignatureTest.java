package io.quire.command.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The signature scheme against a known vector and the header's forms. */
class WebhookSignatureTest {

  private static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTheTimestampADotAndTheRawBodyWithHmacSha256() {
    // printf '1700000000.{"id":"evt_1"}' | openssl dgst -sha256 -hmac whsec_test
    assertThat(WebhookSignature.sign("whsec_test", "1700000000", BODY))
        .isEqualTo("v1=c89214b5b5da833daed6f0b8c5bb6bd58cea9022bd80ccc78230f3942d632925");
  }

  @Test
  void oneVerifyingSignatureAmongSeveralIsEnough() {
    String good = WebhookSignature.sign("whsec_new", "1700000000", BODY);
    String old = WebhookSignature.sign("whsec_old", "1700000000", BODY);
    assertThat(WebhookSignature.verifies("whsec_new", "1700000000", BODY, old + ", " + good))
        .isTrue();
  }

  @Test
  void upperCaseHexVerifiesToo() {
    String signature = WebhookSignature.sign("whsec_test", "1700000000", BODY);
    assertThat(
            WebhookSignature.verifies(
                "whsec_test",
                "1700000000",
                BODY,
                "v1=" + signature.substring(3).toUpperCase(Locale.ROOT)))
        .isTrue();
  }

  @Test
  void aMissingOrMalformedHeaderNeverVerifies() {
    for (String header :
        new String[] {null, "", "v1=", "v1=zz", "v2=" + "0".repeat(64), "0".repeat(64), ","}) {
      assertThat(WebhookSignature.verifies("whsec_test", "1700000000", BODY, header))
          .as("header %s", header)
          .isFalse();
    }
  }
}

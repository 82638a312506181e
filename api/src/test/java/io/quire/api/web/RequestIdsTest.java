package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

  @Test
  void saneIdsAreOneTo64LettersDigitsDotsUnderscoresAndDashes() {
    assertThat(
            List.of(
                "a",
                "3f2c8e0a-6a57-4c1e-9a55-2f0f6f1f0b8e",
                "01HV6Z4K3M9Q8R7S6T5U4V3W2X",
                "proxy.req_42-b",
                "x".repeat(64)))
        .allMatch(RequestIds::isSane);
  }

  @Test
  void anythingElseIsNotSane() {
    assertThat(
            List.of(
                "",
                "x".repeat(65),
                "with space",
                "line\nbreak",
                "cr\rlf",
                "tab\t",
                "quote\"",
                "semi;colon",
                "slash/",
                "colon:",
                "ünicode",
                "%41"))
        .noneMatch(RequestIds::isSane);
    assertThat(RequestIds.isSane(null)).isFalse();
  }

  @Test
  void oneSaneHeaderIsKeptAndAnythingElseGetsAFreshUuid() {
    assertThat(RequestIds.choose(List.of("req-1"))).isEqualTo("req-1");
    assertThat(RequestIds.choose(List.of())).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.choose(List.of("bad id"))).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.choose(List.of("req-1", "req-2")))
        .as("two headers: neither is believed")
        .matches("[0-9a-f-]{36}");
  }
}

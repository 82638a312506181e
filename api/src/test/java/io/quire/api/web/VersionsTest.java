package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class VersionsTest {

  @Test
  void aVersionIsItsWeakEtagAndTheSequenceBeforeIt() {
    assertThat(Versions.etag(3)).isEqualTo("W/\"3\"");
    assertThat(Versions.expectedSequence("W/\"3\"")).isEqualTo(2L);
    assertThat(Versions.expectedSequence("\"3\"")).isEqualTo(2L);
  }

  @Test
  void noHeaderOrAStarExpectsNothing() {
    assertThat(Versions.expectedSequence(null)).isNull();
    assertThat(Versions.expectedSequence(" ")).isNull();
    assertThat(Versions.expectedSequence("*", 4)).isNull();
  }

  @Test
  void aListMatchesWhenOneOfItsTagsIsTheCurrentVersion() {
    assertThat(Versions.expectedSequence("W/\"2\", W/\"3\"", 3)).isEqualTo(2L);
    assertThat(Versions.expectedSequence("\"3\",W/\"4\"", 3)).isEqualTo(2L);
  }

  @Test
  void aListWithoutTheCurrentVersionExpectsItsFirstWhichIsRefusedLater() {
    assertThat(Versions.expectedSequence("W/\"1\", W/\"2\"", 3)).isEqualTo(0L);
  }

  @Test
  void tagsThisApiNeverIssuedArePreconditionFailures() {
    for (String header :
        new String[] {"garbage", "W/\"abc\"", "W/\"0\"", "W/\"1\", *", "W/\"1\",, "}) {
      assertThatThrownBy(() -> Versions.expectedSequence(header, 1))
          .as(header)
          .isInstanceOf(ApiException.class);
    }
  }
}

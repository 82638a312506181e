package io.quire.query.articles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.testsupport.Seeded;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ArticleTagsTest {

  @Test
  void tagsAreJoinedByCommasInTheirOrder() {
    assertThat(ArticleTags.join(List.of("python", "django-rest"))).isEqualTo("python,django-rest");
    assertThat(ArticleTags.join(List.of())).isEmpty();
    assertThat(ArticleTags.split("")).isEmpty();
    assertThat(ArticleTags.split("b,a")).containsExactly("b", "a");
  }

  @Test
  void splittingAJoinedListGivesItBack() {
    Seeded.qt()
        .forAll(lists().of(slugs()).ofSizeBetween(0, 20))
        .checkAssert(tags -> assertThat(ArticleTags.split(ArticleTags.join(tags))).isEqualTo(tags));
  }

  @Test
  void anythingButASlugFails() {
    for (List<String> tags : List.of(List.of("a,b"), List.of(""), Arrays.asList("a", null))) {
      assertThatThrownBy(() -> ArticleTags.join(tags))
          .as("%s", tags)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> ArticleTags.join(null)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Slugs: lower-case letters and digits with single dashes between runs. */
  private static Gen<String> slugs() {
    Gen<String> run = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8);
    return lists()
        .of(run)
        .ofSizeBetween(1, 3)
        .zip(integers().between(0, 99), (runs, n) -> String.join("-", runs) + n);
  }
}

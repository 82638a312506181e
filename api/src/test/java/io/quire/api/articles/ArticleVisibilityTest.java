package io.quire.api.articles;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.accounts.Viewer;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.ArticleView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArticleVisibilityTest {

  private static final UserId ADA = UserId.of("6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");
  private static final UserId BOB = UserId.of("7f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f");

  private static final Viewer AUTHOR = new Viewer(new CurrentUser(ADA, "ada", "a@x.io", false));
  private static final Viewer READER = new Viewer(new CurrentUser(BOB, "bob", "b@x.io", false));
  private static final Viewer STAFF = new Viewer(new CurrentUser(BOB, "bob", "b@x.io", true));
  private static final Viewer ANONYMOUS = new Viewer(null);

  @ParameterizedTest
  @EnumSource(ArticleStatus.class)
  void theAuthorAndStaffSeeAnArticleWhateverItsStatus(ArticleStatus status) {
    assertThat(ArticleVisibility.canSee(AUTHOR, by(ADA, status))).isTrue();
    assertThat(ArticleVisibility.canSee(STAFF, by(ADA, status))).isTrue();
  }

  @ParameterizedTest
  @EnumSource(ArticleStatus.class)
  void othersSeeOnlyPublishedArticles(ArticleStatus status) {
    boolean published = status == ArticleStatus.PUBLISHED;
    assertThat(ArticleVisibility.canSee(READER, by(ADA, status))).isEqualTo(published);
    assertThat(ArticleVisibility.canSee(ANONYMOUS, by(ADA, status))).isEqualTo(published);
  }

  private static ArticleView by(UserId author, ArticleStatus status) {
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    return new ArticleView(
        ArticleId.random(),
        "T",
        "B",
        List.of(),
        status,
        new UserSummary(author, "ada"),
        t,
        t,
        status == ArticleStatus.DRAFT ? null : t,
        0,
        1);
  }
}

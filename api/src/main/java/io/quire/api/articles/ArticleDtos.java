package io.quire.api.articles;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.quire.api.accounts.UserRef;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.ValueRecord;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.CommentView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.CodePointLength;

/** The request and response bodies of the article, comment and moderation endpoints. */
final class ArticleDtos {

  private ArticleDtos() {}

  static final String REQUIRED = FieldMessages.REQUIRED;
  static final String NOT_BLANK = FieldMessages.NOT_BLANK;
  static final String TITLE_SIZE = "Ensure this field has no more than 200 characters.";
  static final String BODY_SIZE = "Ensure this field has no more than 100000 characters.";
  static final String TAGS_DOC =
      "Each tag becomes a slug (Unicode folded to ASCII, lower-case, runs of other characters as"
          + " one `-`, at most 50 characters); duplicates are dropped keeping the first; at most"
          + " 20 distinct tags; a tag without a letter or digit is refused.";

  record CreateArticleRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 200)
          @NotNull(message = REQUIRED)
          @NotBlank(message = NOT_BLANK)
          String title,
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 100_000)
          @NotNull(message = REQUIRED)
          @CodePointLength(max = 100_000, message = BODY_SIZE)
          String body,
      @Schema(description = TAGS_DOC) List<String> tags) {}

  /**
   * A partial update: an absent field stays as it is; JSON {@code null} is refused. A class with
   * setters rather than a record, because Jackson cannot tell a record an absent field from a
   * {@code null} one.
   */
  @Schema(name = "ArticlePatch")
  static final class PatchArticleRequest {

    @JsonProperty
    @Schema(maxLength = 200)
    private String title;

    @JsonProperty
    @Schema(maxLength = 100_000)
    private String body;

    @JsonProperty
    @Schema(description = TAGS_DOC)
    private List<String> tags;

    private final Set<String> nulls = new LinkedHashSet<>();

    @JsonSetter
    void setTitle(String title) {
      this.title = given("title", title);
    }

    @JsonSetter
    void setBody(String body) {
      this.body = given("body", body);
    }

    @JsonSetter
    void setTags(List<String> tags) {
      this.tags = given("tags", tags);
    }

    private <T> T given(String field, T value) {
      if (value == null) {
        nulls.add(field);
      }
      return value;
    }

    /** FieldMessages.NOT_NULL for each field the body set to {@code null}. */
    Map<String, List<String>> problems() {
      Map<String, List<String>> problems = new LinkedHashMap<>();
      nulls.forEach(field -> problems.put(field, List.of(FieldMessages.NOT_NULL)));
      return problems;
    }

    String title() {
      return title;
    }

    String body() {
      return body;
    }

    List<String> tags() {
      return tags;
    }
  }

  @Schema(name = "Article")
  record ArticleResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String title,
      @Schema(requiredMode = RequiredMode.REQUIRED) String body,
      @Schema(requiredMode = RequiredMode.REQUIRED) List<String> tags,
      @Schema(requiredMode = RequiredMode.REQUIRED) ArticleStatus status,
      @Schema(requiredMode = RequiredMode.REQUIRED) UserRef author,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant updatedAt,
      @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) Instant publishedAt,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Approved comments.")
          long commentCount,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Its number of events; the ETag.")
          long version) {

    static ArticleResponse of(ArticleView a) {
      return new ArticleResponse(
          a.id().toString(),
          a.title(),
          a.body(),
          a.tags(),
          a.status(),
          UserRef.of(a.author()),
          a.createdAt(),
          a.updatedAt(),
          a.publishedAt(),
          a.commentCount(),
          a.version());
    }
  }

  /** A list item: the article without its body. */
  @Schema(name = "ArticleListItem")
  record ArticleListItem(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String title,
      @Schema(requiredMode = RequiredMode.REQUIRED) List<String> tags,
      @Schema(requiredMode = RequiredMode.REQUIRED) ArticleStatus status,
      @Schema(requiredMode = RequiredMode.REQUIRED) UserRef author,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant updatedAt,
      @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true) Instant publishedAt,
      @Schema(requiredMode = RequiredMode.REQUIRED) long commentCount,
      @Schema(requiredMode = RequiredMode.REQUIRED) long version)
      implements ValueRecord {

    static ArticleListItem of(ArticleView a) {
      return new ArticleListItem(
          a.id().toString(),
          a.title(),
          a.tags(),
          a.status(),
          UserRef.of(a.author()),
          a.createdAt(),
          a.updatedAt(),
          a.publishedAt(),
          a.commentCount(),
          a.version());
    }
  }

  record CreateCommentRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5_000)
          @NotNull(message = REQUIRED)
          @NotBlank(message = NOT_BLANK)
          @CodePointLength(
              max = 5_000,
              message = "Ensure this field has no more than 5000 characters.")
          String body) {}

  record RejectCommentRequest(
      @Schema(maxLength = 500, nullable = true, description = "Shown to the moderators only.")
          @CodePointLength(
              max = 500,
              message = "Ensure this field has no more than 500 characters.")
          String reason) {}

  @Schema(name = "Comment")
  record CommentResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String articleId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String body,
      @Schema(requiredMode = RequiredMode.REQUIRED) UserRef author,
      @Schema(requiredMode = RequiredMode.REQUIRED) CommentStatus status,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              nullable = true,
              description = "Why a moderator rejected it; null unless `status` is `rejected`.")
          String rejectionReason,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {

    static CommentResponse of(CommentView c) {
      return new CommentResponse(
          c.id().toString(),
          c.articleId().toString(),
          c.body(),
          UserRef.of(c.author()),
          c.status(),
          c.rejectionReason(),
          c.createdAt());
    }
  }
}

package io.quire.api.articles;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.accounts.Viewer;
import io.quire.api.articles.ArticleDtos.ArticleListItem;
import io.quire.api.articles.ArticleDtos.ArticleResponse;
import io.quire.api.articles.ArticleDtos.CommentResponse;
import io.quire.api.articles.ArticleDtos.CreateArticleRequest;
import io.quire.api.articles.ArticleDtos.CreateCommentRequest;
import io.quire.api.articles.ArticleDtos.PatchArticleRequest;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.web.NoFields;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.api.web.Versions;
import io.quire.kernel.articles.ArchiveArticleCommand;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePage;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.articles.DraftArticleCommand;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.kernel.articles.PublishArticleCommand;
import io.quire.kernel.articles.ReviseArticleCommand;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPage;
import io.quire.kernel.comments.CommentView;
import io.quire.kernel.comments.FindCommentQuery;
import io.quire.kernel.comments.ListApprovedCommentsQuery;
import io.quire.kernel.comments.PostCommentCommand;
import io.quire.kernel.common.Characters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles and their comments. Drafts and archived articles exist only for their author and staff
 * ({@link ArticleVisibility}); who may change an article is the article aggregate's call.
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Articles")
class ArticlesController {

  private static final String IF_MATCH_DOC =
      "The article's version (its `ETag`) the change is based on.";

  private final CommandGateway commands;
  private final ReadModels readModels;

  ArticlesController(CommandGateway commands, ReadModels readModels) {
    this.commands = commands;
    this.readModels = readModels;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Write an article", description = "It starts as a draft.")
  ArticleResponse create(
      CurrentUser user,
      @Valid @RequestBody CreateArticleRequest request,
      HttpServletResponse response) {
    String title = title(request.title());
    List<String> tags = Tags.normalised(request.tags() == null ? List.of() : request.tags());
    ArticleId id = ArticleId.random();
    commands.sendAndWait(new DraftArticleCommand(id, title, request.body(), tags, user.id()));
    response.setHeader(HttpHeaders.LOCATION, "/api/v1/articles/" + id + "/");
    return withEtag(find(id), response);
  }

  @GetMapping
  @Operation(
      summary = "Published articles",
      description = "Newest `published_at` first. Filters combine.")
  PageResponse<ArticleListItem> list(
      Viewer viewer,
      @Parameter(description = "Text in the title or body, in any letter case.")
          @RequestParam(name = "q", required = false)
          String q,
      @Parameter(description = "A tag; normalised like the tags of an article.")
          @RequestParam(name = "tag", required = false)
          String tag,
      @Parameter(description = "The author's username, in any letter case.")
          @RequestParam(name = "author", required = false)
          String author,
      @ParameterObject PageParams page) {
    ArticlePage articles =
        readModels.get(
            new ListPublishedArticlesQuery(
                blankToNull(q, "q"),
                tag == null || tag.isBlank() ? null : Tags.filter(tag),
                blankToNull(author, "author"),
                page.number(),
                page.size()),
            ArticlePage.class);
    return PageResponse.of(articles.count(), articles.results(), page, ArticleListItem::of);
  }

  @GetMapping("/{articleId}")
  @Operation(
      summary = "One article",
      description = "Drafts and archived articles: their author and staff only; others get 404.")
  ArticleResponse one(Viewer viewer, @PathVariable String articleId, HttpServletResponse response) {
    return withEtag(visible(viewer, articleId), response);
  }

  @PatchMapping("/{articleId}")
  @Operation(summary = "Edit an article (author, staff)")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.CONFLICT, ErrorCode.PRECONDITION_FAILED})
  ArticleResponse edit(
      CurrentUser user,
      @PathVariable String articleId,
      @Parameter(description = IF_MATCH_DOC)
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @RequestBody PatchArticleRequest request,
      HttpServletResponse response) {
    ArticleView current = visible(new Viewer(user), articleId);
    ArticleId id = current.id();
    if (!request.problems().isEmpty()) {
      throw ApiException.invalid(request.problems());
    }
    commands.sendAndWait(
        new ReviseArticleCommand(
            id,
            request.title() == null ? null : title(request.title()),
            request.body() == null ? null : body(request.body()),
            request.tags() == null ? null : Tags.normalised(request.tags()),
            user.id(),
            user.staff(),
            Versions.expectedSequence(ifMatch, current.version())));
    return withEtag(find(id), response);
  }

  @PostMapping("/{articleId}/publish")
  @Operation(
      summary = "Publish a draft (author, staff)",
      description = "Publishing a published article changes nothing; an archived one is 409.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.CONFLICT, ErrorCode.PRECONDITION_FAILED})
  ArticleResponse publish(
      CurrentUser user,
      @PathVariable String articleId,
      @Parameter(description = IF_MATCH_DOC)
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @RequestBody(required = false) NoFields body,
      HttpServletResponse response) {
    ArticleView current = visible(new Viewer(user), articleId);
    ArticleId id = current.id();
    commands.sendAndWait(
        new PublishArticleCommand(
            id, user.id(), user.staff(), Versions.expectedSequence(ifMatch, current.version())));
    return withEtag(find(id), response);
  }

  @DeleteMapping("/{articleId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      summary = "Archive an article (author, staff)",
      description = "It leaves the public list; its author and staff still see it.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.PRECONDITION_FAILED})
  void archive(
      CurrentUser user,
      @PathVariable String articleId,
      @Parameter(description = IF_MATCH_DOC)
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch) {
    ArticleView current = visible(new Viewer(user), articleId);
    ArticleId id = current.id();
    commands.sendAndWait(
        new ArchiveArticleCommand(
            id, user.id(), user.staff(), Versions.expectedSequence(ifMatch, current.version())));
  }

  @GetMapping("/{articleId}/comments")
  @Operation(summary = "An article's approved comments", description = "Oldest first.")
  PageResponse<CommentResponse> comments(
      Viewer viewer, @PathVariable String articleId, @ParameterObject PageParams page) {
    ArticleId id = visible(viewer, articleId).id();
    CommentPage comments =
        readModels.get(
            new ListApprovedCommentsQuery(id, page.number(), page.size()), CommentPage.class);
    return PageResponse.of(comments.count(), comments.results(), page, CommentResponse::of);
  }

  @PostMapping("/{articleId}/comments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Comment on a published article",
      description = "The comment is `pending` until a moderator approves it.")
  @ApiErrors(ErrorCode.CONFLICT)
  CommentResponse comment(
      CurrentUser user,
      @PathVariable String articleId,
      @Valid @RequestBody CreateCommentRequest request) {
    ArticleId article = visible(new Viewer(user), articleId).id();
    CommentId id = CommentId.random();
    commands.sendAndWait(new PostCommentCommand(id, article, request.body().strip(), user.id()));
    CommentView comment =
        readModels
            .find(new FindCommentQuery(id), CommentView.class)
            .orElseThrow(
                () -> new IllegalStateException("Comment " + id + " is not in the read model"));
    return CommentResponse.of(comment);
  }

  /** The article if this viewer may see it; 404 for anything else. */
  private ArticleView visible(Viewer viewer, String articleId) {
    ArticleView article =
        readModels
            .find(new FindArticleQuery(new ArticleId(PathIds.uuid(articleId))), ArticleView.class)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
    if (!ArticleVisibility.canSee(viewer, article)) {
      throw new ApiException(ErrorCode.NOT_FOUND);
    }
    return article;
  }

  private ArticleView find(ArticleId id) {
    return readModels
        .find(new FindArticleQuery(id), ArticleView.class)
        .orElseThrow(
            () -> new IllegalStateException("Article " + id + " is not in the read model"));
  }

  private static ArticleResponse withEtag(ArticleView article, HttpServletResponse response) {
    response.setHeader(HttpHeaders.ETAG, Versions.etag(article.version()));
    return ArticleResponse.of(article);
  }

  /** A title: 1-200 characters after trimming. */
  private static String title(String title) {
    String stripped = title.strip();
    if (stripped.isEmpty()) {
      throw ApiException.invalid("title", ArticleDtos.NOT_BLANK);
    }
    if (Characters.count(stripped) > 200) {
      throw ApiException.invalid("title", ArticleDtos.TITLE_SIZE);
    }
    return stripped;
  }

  private static String body(String body) {
    if (Characters.count(body) > 100_000) {
      throw ApiException.invalid("body", ArticleDtos.BODY_SIZE);
    }
    return body;
  }

  private static String blankToNull(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (Characters.count(value) > 200) {
      throw ApiException.invalid(name, "Ensure this value has no more than 200 characters.");
    }
    return value.strip();
  }
}

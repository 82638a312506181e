package io.quire.command.articles;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.quire.command.common.PermissionDeniedException;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArchiveArticleCommand;
import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.DraftArticleCommand;
import io.quire.kernel.articles.PublishArticleCommand;
import io.quire.kernel.articles.ReviseArticleCommand;
import io.quire.kernel.common.Characters;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An article: drafted by its author, revised, published, archived. Only the author and staff change
 * it ({@link ArticleEditPolicy}); an archived article is final ({@link ArticleArchivedException}).
 * Publishing a published article and archiving an archived one change nothing, and so does a
 * revision that leaves title, body and tags as they are.
 *
 * <p>Input the API should have refused already is refused with {@link IllegalArgumentException}: a
 * title that is blank or longer than {@value #MAX_TITLE_LENGTH} characters once stripped (the title
 * is stored stripped), a missing body or one longer than {@value #MAX_BODY_LENGTH} characters, and
 * tags that are not already normalised ({@link TagNormalisation}; {@code null} tags are none).
 * Lengths count Unicode code points.
 */
@Aggregate
public class Article {

  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_BODY_LENGTH = 100_000;

  @AggregateIdentifier private ArticleId id;
  private UserId author;
  private ArticleStatus status;
  private String title;
  private String body;
  private List<String> tags;

  protected Article() {
    // For Axon's event sourcing.
  }

  @CommandHandler
  public Article(DraftArticleCommand command, Clock clock) {
    if (command.author() == null) {
      throw new IllegalArgumentException("An article needs an author.");
    }
    String newTitle = requireTitle(command.title());
    requireBody(command.body());
    List<String> newTags = requireNormalisedTags(command.tags());
    apply(
        new ArticleDraftedEvent(
            command.articleId(),
            newTitle,
            command.body(),
            newTags,
            command.author(),
            clock.instant()));
  }

  @CommandHandler
  public void handle(ReviseArticleCommand command, Clock clock) {
    requireMayEdit(command.actor(), command.actorIsStaff());
    requireNotArchived();
    String newTitle = command.title() == null ? title : requireTitle(command.title());
    String newBody = command.body() == null ? body : requireBody(command.body());
    List<String> newTags = command.tags() == null ? tags : requireNormalisedTags(command.tags());
    if (newTitle.equals(title) && newBody.equals(body) && newTags.equals(tags)) {
      return;
    }
    apply(
        new ArticleRevisedEvent(id, newTitle, newBody, newTags, command.actor(), clock.instant()));
  }

  @CommandHandler
  public void handle(PublishArticleCommand command, Clock clock) {
    requireMayEdit(command.actor(), command.actorIsStaff());
    requireNotArchived();
    if (status == ArticleStatus.PUBLISHED) {
      return;
    }
    apply(new ArticlePublishedEvent(id, command.actor(), clock.instant()));
  }

  @CommandHandler
  public void handle(ArchiveArticleCommand command, Clock clock) {
    requireMayEdit(command.actor(), command.actorIsStaff());
    if (status == ArticleStatus.ARCHIVED) {
      return;
    }
    apply(new ArticleArchivedEvent(id, command.actor(), clock.instant()));
  }

  private void requireMayEdit(UserId actor, boolean actorIsStaff) {
    if (!ArticleEditPolicy.mayEdit(actor, actorIsStaff, author)) {
      throw new PermissionDeniedException("Only an article's author and staff may change it.");
    }
  }

  private void requireNotArchived() {
    if (status == ArticleStatus.ARCHIVED) {
      throw new ArticleArchivedException(id);
    }
  }

  /** The title as stored: stripped. */
  private static String requireTitle(String title) {
    String stripped = title == null ? "" : title.strip();
    if (stripped.isEmpty()) {
      throw new IllegalArgumentException("An article needs a title.");
    }
    if (Characters.count(stripped) > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException(
          "An article's title has at most " + MAX_TITLE_LENGTH + " characters.");
    }
    return stripped;
  }

  private static String requireBody(String body) {
    if (body == null) {
      throw new IllegalArgumentException("An article needs a body (it may be empty).");
    }
    if (Characters.count(body) > MAX_BODY_LENGTH) {
      throw new IllegalArgumentException(
          "An article's body has at most " + MAX_BODY_LENGTH + " characters.");
    }
    return body;
  }

  /** Tags as given, which must be normalised already; {@code null} is no tags. */
  private static List<String> requireNormalisedTags(List<String> tags) {
    List<String> given = tags == null ? List.of() : tags;
    TagNormalisation.Result normalised = TagNormalisation.normalise(given);
    if (!normalised.isAccepted() || !normalised.tags().equals(given)) {
      throw new IllegalArgumentException(
          "An article's tags must be normalised already: "
              + normalised.problem().orElse("expected " + normalised.tags()));
    }
    return normalised.tags();
  }

  /** The article's status, as the events so far made it. */
  ArticleStatus status() {
    return status;
  }

  @EventSourcingHandler
  void on(ArticleDraftedEvent event) {
    this.id = event.articleId();
    this.author = event.author();
    this.status = ArticleStatus.DRAFT;
    this.title = event.title();
    this.body = event.body();
    this.tags = List.copyOf(event.tags());
  }

  @EventSourcingHandler
  void on(ArticleRevisedEvent event) {
    this.title = event.title();
    this.body = event.body();
    this.tags = List.copyOf(event.tags());
  }

  @EventSourcingHandler
  void on(ArticlePublishedEvent event) {
    this.status = ArticleStatus.PUBLISHED;
  }

  @EventSourcingHandler
  void on(ArticleArchivedEvent event) {
    this.status = ArticleStatus.ARCHIVED;
  }
}

package io.quire.command.articles;

import static io.quire.command.testing.Fixtures.ALICE;
import static io.quire.command.testing.Fixtures.BOB;
import static io.quire.command.testing.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.comments.ArticleNotOpenForCommentsException;
import io.quire.command.comments.Comment;
import io.quire.command.testing.H2Database;
import io.quire.kernel.articles.ArchiveArticleCommand;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticleStatus;
import io.quire.kernel.articles.DraftArticleCommand;
import io.quire.kernel.articles.PublishArticleCommand;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.PostCommentCommand;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Articles, comments and the article lookup together in a real (in-memory) Axon setup, with the
 * lookup updater in a subscribing processor as the application runs it: a publication is visible to
 * the next comment at once, and a failing lookup write fails the command that caused it.
 */
class ArticleLookupWiringTest {

  private final H2Database database = H2Database.withMigration("V4");
  private final ArticleLookupTable lookup = new ArticleLookupTable(database.jdbc());
  private final ArticleId article = ArticleId.random();
  private Configuration axon;
  private CommandGateway commands;

  @BeforeEach
  void startAxon() {
    Configurer configurer =
        DefaultConfigurer.defaultConfiguration()
            .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
            .configureAggregate(Article.class)
            .configureAggregate(Comment.class)
            .registerComponent(ArticleLookup.class, c -> lookup)
            .registerComponent(Clock.class, c -> CLOCK);
    configurer
        .eventProcessing()
        .registerSubscribingEventProcessor(ArticleLookupUpdater.PROCESSING_GROUP)
        .registerEventHandler(c -> new ArticleLookupUpdater(lookup));
    new ArticleLookupConfiguration().articleLookupFailuresPropagate().configureModule(configurer);
    axon = configurer.buildConfiguration();
    axon.start();
    commands = axon.commandGateway();
    commands.sendAndWait(
        new DraftArticleCommand(article, "Event sourcing", "Long text", List.of("events"), ALICE));
  }

  @AfterEach
  void stop() {
    axon.shutdown();
    database.shutdown();
  }

  @Test
  void aDraftIsInTheLookupAtOnce() {
    assertThat(lookup.statusOf(article)).contains(ArticleStatus.DRAFT);
  }

  @Test
  void aReaderMayCommentAsSoonAsTheArticleIsPublished() {
    commands.sendAndWait(new PublishArticleCommand(article, ALICE, false, null));

    commands.sendAndWait(new PostCommentCommand(CommentId.random(), article, "Great read.", BOB));

    assertThat(lookup.statusOf(article)).contains(ArticleStatus.PUBLISHED);
  }

  @Test
  void aDraftTakesNoComments() {
    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new PostCommentCommand(CommentId.random(), article, "Early bird.", BOB)))
        .isInstanceOf(ArticleNotOpenForCommentsException.class);
  }

  @Test
  void anArchivedArticleTakesNoMoreComments() {
    commands.sendAndWait(new PublishArticleCommand(article, ALICE, false, null));
    commands.sendAndWait(new ArchiveArticleCommand(article, ALICE, false, null));

    assertThatThrownBy(
            () ->
                commands.sendAndWait(
                    new PostCommentCommand(CommentId.random(), article, "Too late.", BOB)))
        .isInstanceOf(ArticleNotOpenForCommentsException.class);
  }

  @Test
  void aFailingLookupWriteFailsTheCommand() {
    database.jdbc().execute("drop table article_lookup");

    assertThatThrownBy(
            () -> commands.sendAndWait(new PublishArticleCommand(article, ALICE, false, null)))
        .hasMessageContaining("article_lookup");
  }
}

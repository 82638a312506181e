package io.quire.api.testing;

import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.DraftArticleCommand;
import io.quire.kernel.articles.PublishArticleCommand;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.PostCommentCommand;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Makes articles and comments the way the application does (through their commands): {@code
 * articles.aDraft(ada)}, {@code articles.aPublishedArticle(ada, "events")}, {@code
 * articles.aPendingComment(article, bob)}.
 */
public class Articles {

  private final CommandGateway commands;

  public Articles(CommandGateway commands) {
    this.commands = commands;
  }

  /** A draft by {@code author} with these (already normalised) tags. */
  public String aDraft(TestUser author, String title, String body, String... tags) {
    ArticleId id = ArticleId.random();
    commands.sendAndWait(new DraftArticleCommand(id, title, body, List.of(tags), author.userId()));
    return id.toString();
  }

  public String aDraft(TestUser author) {
    return aDraft(author, "Testing event-sourced systems", "Long text", "events");
  }

  /** A published article by {@code author} with these (already normalised) tags. */
  public String aPublishedArticle(TestUser author, String title, String body, String... tags) {
    String id = aDraft(author, title, body, tags);
    publish(id, author);
    return id;
  }

  public String aPublishedArticle(TestUser author) {
    return aPublishedArticle(author, "Testing event-sourced systems", "Long text", "events");
  }

  public void publish(String article, TestUser by) {
    commands.sendAndWait(
        new PublishArticleCommand(ArticleId.of(article), by.userId(), by.staff(), null));
  }

  /** A comment by {@code author} on a published article, waiting for moderation. */
  public String aPendingComment(String article, TestUser author, String body) {
    CommentId id = CommentId.random();
    commands.sendAndWait(new PostCommentCommand(id, ArticleId.of(article), body, author.userId()));
    return id.toString();
  }

  public String aPendingComment(String article, TestUser author) {
    return aPendingComment(article, author, "Nice.");
  }
}

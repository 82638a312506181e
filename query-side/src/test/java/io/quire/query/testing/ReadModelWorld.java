package io.quire.query.testing;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.comments.CommentApprovedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.comments.CommentRejectedEvent;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import io.quire.kernel.tasks.TaskUnassignedEvent;
import io.quire.query.articles.ArticleProjection;
import io.quire.query.articles.ArticleQueries;
import io.quire.query.comments.CommentProjection;
import io.quire.query.comments.CommentQueries;
import io.quire.query.orgs.OrgProjection;
import io.quire.query.orgs.OrgQueries;
import io.quire.query.tasks.TaskHistoryQueries;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.tasks.TaskQueries;
import io.quire.query.users.Usernames;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users, orgs, tasks, articles and comments made through their events, over a fresh database with
 * every projection and query component wired as in the application. Ids are random, times come from
 * {@link Moments} (one minute apart from 2026-03-01T12:00:00Z), names are the test's.
 */
public final class ReadModelWorld implements AutoCloseable {

  public static final String ORG = "Org";
  public static final String TASK = "Task";
  public static final String ARTICLE = "Article";
  public static final String COMMENT = "Comment";

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final Moments moments = new Moments(Instant.parse("2026-03-01T12:00:00Z"));
  private final OrgProjection orgProjection = new OrgProjection(db.jdbc());
  private final TaskProjection taskProjection = new TaskProjection(db.jdbc());
  private final ArticleProjection articleProjection = new ArticleProjection(db.jdbc());
  private final CommentProjection commentProjection = new CommentProjection(db.jdbc());
  private final EventFeed events =
      new EventFeed(orgProjection, taskProjection, articleProjection, commentProjection);
  private final OrgQueries orgQueries = new OrgQueries(db.jdbc());
  private final TaskQueries taskQueries = new TaskQueries(db.jdbc());
  private final TaskHistoryQueries historyQueries =
      new TaskHistoryQueries(events.store(), db.jdbc(), new Usernames(db.jdbc()));
  private final ArticleQueries articleQueries = new ArticleQueries(db.jdbc());
  private final CommentQueries commentQueries = new CommentQueries(db.jdbc());
  private final Map<TaskId, OrgId> orgOfTask = new HashMap<>();
  private final Map<CommentId, ArticleId> articleOfComment = new HashMap<>();

  public ReadModelDatabase db() {
    return db;
  }

  public EventFeed events() {
    return events;
  }

  public Moments moments() {
    return moments;
  }

  public OrgQueries orgQueries() {
    return orgQueries;
  }

  public TaskQueries taskQueries() {
    return taskQueries;
  }

  public TaskHistoryQueries historyQueries() {
    return historyQueries;
  }

  public ArticleQueries articleQueries() {
    return articleQueries;
  }

  public CommentQueries commentQueries() {
    return commentQueries;
  }

  public ArticleProjection articleProjection() {
    return articleProjection;
  }

  public CommentProjection commentProjection() {
    return commentProjection;
  }

  // Users ------------------------------------------------------------------------------------

  /** A user in the user directory. */
  public UserId user(String username) {
    UserId id = new UserId(UUID.randomUUID());
    db.registerUser(id, username);
    return id;
  }

  // Orgs -------------------------------------------------------------------------------------

  /**
   * An org created by {@code creator}, who joins it as its admin (two events, as the aggregate).
   */
  public OrgId org(String slug, UserId creator) {
    OrgId org = OrgId.random();
    Instant at = moments.next();
    events.publish(ORG, org, new OrgCreatedEvent(org, slug, "The " + slug + " org", creator, at));
    events.publish(ORG, org, new MemberAddedEvent(org, creator, Role.ADMIN, creator, at));
    return org;
  }

  public void join(OrgId org, UserId user, Role role) {
    events.publish(ORG, org, new MemberAddedEvent(org, user, role, null, moments.next()));
  }

  public void changeRole(OrgId org, UserId user, Role role) {
    events.publish(ORG, org, new MemberRoleChangedEvent(org, user, role, null, moments.next()));
  }

  public void remove(OrgId org, UserId user) {
    events.publish(ORG, org, new MemberRemovedEvent(org, user, user, moments.next()));
  }

  // Tasks ------------------------------------------------------------------------------------

  /** A task to be created in {@code org}: set what the test cares about, then {@code create()}. */
  public TaskDraft task(OrgId org) {
    return new TaskDraft(org);
  }

  public void retitle(TaskId task, String title, UserId actor) {
    publish(task, new TaskRetitledEvent(task, orgOf(task), title, actor, moments.next()));
  }

  public void describe(TaskId task, String description, UserId actor) {
    publish(
        task,
        new TaskDescriptionChangedEvent(task, orgOf(task), description, actor, moments.next()));
  }

  public void setStatus(TaskId task, TaskStatus status, UserId actor) {
    publish(task, new TaskStatusChangedEvent(task, orgOf(task), status, actor, moments.next()));
  }

  public void assign(TaskId task, UserId assignee, UserId actor) {
    publish(task, new TaskAssignedEvent(task, orgOf(task), assignee, actor, moments.next()));
  }

  public void unassign(TaskId task, UserId actor) {
    publish(task, new TaskUnassignedEvent(task, orgOf(task), actor, moments.next()));
  }

  public void setDueDate(TaskId task, LocalDate dueDate, UserId actor) {
    publish(task, new TaskDueDateChangedEvent(task, orgOf(task), dueDate, actor, moments.next()));
  }

  public void delete(TaskId task, UserId actor) {
    publish(task, new TaskDeletedEvent(task, orgOf(task), actor, moments.next()));
  }

  public OrgId orgOf(TaskId task) {
    return orgOfTask.get(task);
  }

  private void publish(TaskId task, Object event) {
    events.publish(TASK, task, event);
  }

  // Articles ---------------------------------------------------------------------------------

  /** An article to be drafted by {@code author}: set what the test cares about, then draft it. */
  public ArticleDraft article(UserId author) {
    return new ArticleDraft(author);
  }

  public void revise(
      ArticleId article, String title, String body, List<String> tags, UserId actor) {
    events.publish(
        ARTICLE,
        article,
        new ArticleRevisedEvent(article, title, body, tags, actor, moments.next()));
  }

  public void publish(ArticleId article, UserId actor) {
    publish(article, actor, moments.next());
  }

  /** Publishes at this time instead of the next moment (for ties). */
  public void publish(ArticleId article, UserId actor, Instant at) {
    events.publish(ARTICLE, article, new ArticlePublishedEvent(article, actor, at));
  }

  public void archive(ArticleId article, UserId actor) {
    events.publish(ARTICLE, article, new ArticleArchivedEvent(article, actor, moments.next()));
  }

  // Comments ---------------------------------------------------------------------------------

  /** A comment posted on {@code article} by {@code author}, pending moderation. */
  public CommentId comment(ArticleId article, UserId author, String body) {
    return comment(article, author, body, moments.next());
  }

  /** A comment posted at this time instead of the next moment (for ties). */
  public CommentId comment(ArticleId article, UserId author, String body, Instant at) {
    CommentId comment = CommentId.random();
    articleOfComment.put(comment, article);
    events.publish(COMMENT, comment, new CommentPostedEvent(comment, article, body, author, at));
    return comment;
  }

  public void approve(CommentId comment, UserId moderator) {
    events.publish(
        COMMENT,
        comment,
        new CommentApprovedEvent(comment, articleOf(comment), moderator, moments.next()));
  }

  public void reject(CommentId comment, UserId moderator, String reason) {
    events.publish(
        COMMENT,
        comment,
        new CommentRejectedEvent(comment, articleOf(comment), moderator, reason, moments.next()));
  }

  public ArticleId articleOf(CommentId comment) {
    return articleOfComment.get(comment);
  }

  @Override
  public void close() {
    events.close();
    db.close();
  }

  /** An article about to be drafted; defaults: a title, a body, no tags. */
  public final class ArticleDraft {

    private final UserId author;
    private String title = "An article";
    private String body = "Its body.";
    private List<String> tags = List.of();

    private ArticleDraft(UserId author) {
      this.author = author;
    }

    public ArticleDraft title(String title) {
      this.title = title;
      return this;
    }

    public ArticleDraft body(String body) {
      this.body = body;
      return this;
    }

    public ArticleDraft tags(String... tags) {
      this.tags = List.of(tags);
      return this;
    }

    public ArticleId draft() {
      ArticleId article = ArticleId.random();
      events.publish(
          ARTICLE,
          article,
          new ArticleDraftedEvent(article, title, body, tags, author, moments.next()));
      return article;
    }

    /** Drafts it and publishes it at once (two events). */
    public ArticleId publish() {
      ArticleId article = draft();
      ReadModelWorld.this.publish(article, author);
      return article;
    }
  }

  /** A task about to be created; defaults: a title, no description, no assignee, no due date. */
  public final class TaskDraft {

    private final OrgId org;
    private String title = "A task";
    private String description;
    private UserId createdBy;
    private UserId assignedTo;
    private LocalDate dueDate;
    private Instant createdAt;

    private TaskDraft(OrgId org) {
      this.org = org;
    }

    public TaskDraft title(String title) {
      this.title = title;
      return this;
    }

    public TaskDraft description(String description) {
      this.description = description;
      return this;
    }

    public TaskDraft createdBy(UserId createdBy) {
      this.createdBy = createdBy;
      return this;
    }

    public TaskDraft assignedTo(UserId assignedTo) {
      this.assignedTo = assignedTo;
      return this;
    }

    public TaskDraft due(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /** Creates it at this time instead of the next moment (for ties). */
    public TaskDraft createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public TaskId create() {
      TaskId task = TaskId.random();
      orgOfTask.put(task, org);
      Instant at = createdAt != null ? createdAt : moments.next();
      publish(
          task,
          new TaskCreatedEvent(task, org, title, description, assignedTo, dueDate, createdBy, at));
      return task;
    }
  }
}

package io.quire.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePublishedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportRequestedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.articles.ArticleProjection;
import io.quire.query.articles.ArticleScrubbing;
import io.quire.query.comments.CommentProjection;
import io.quire.query.comments.CommentScrubbing;
import io.quire.query.exports.ExportFiles;
import io.quire.query.exports.ExportProjection;
import io.quire.query.exports.ExportScrubbing;
import io.quire.query.stream.EventStream;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.tasks.TaskScrubbing;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.testing.StoredEvents;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How the read models scrub themselves after an erasure, on H2: the store holds the erased person's
 * text sealed (here without the cipher, so a sealed value reads back as stored, where the server
 * reads {@code "[erased]"}), the read models hold it as the live handlers saw it, and after the
 * erasure each touched row is folded again from the store while everyone else's text stays.
 */
class PersonalDataScrubbingTest {

  private static final Instant AT = Instant.parse("2026-12-07T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final StoredEvents store = new StoredEvents(db.jdbc());
  private final PersonalDataTraces traces = new PersonalDataTraces(db.jdbc(), StoredEvents.READER);
  private final DataSource dataSource = db.jdbc().getJdbcTemplate().getDataSource();
  private final UserId ada = new UserId(UUID.randomUUID());
  private final UserId bob = new UserId(UUID.randomUUID());
  private final OrgId org = OrgId.random();
  private long index;

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void tasksAreFoldedAgainWhereTheErasedPersonWroteAndOnlyThere() {
    TaskProjection tasks = new TaskProjection(db.jdbc());
    TaskId adas = TaskId.random();
    TaskId bobs = TaskId.random();
    happened(
        tasks,
        "Task",
        adas.toString(),
        0,
        created(adas, "Ada's plan", "Ada's notes", ada),
        sealed(ada));
    happened(
        tasks, "Task", bobs.toString(), 0, created(bobs, "Bob's plan", "Bob's notes", bob), null);
    happened(
        tasks,
        "Task",
        bobs.toString(),
        1,
        new TaskRetitledEvent(bobs, org, "Ada's title for Bob's", ada, AT),
        sealed(ada));

    erase(ada, new TaskScrubbing(db.jdbc(), traces));

    assertThat(row("task_view", "title", "task_id", adas.value()))
        .isEqualTo(sealedText(ada, "Ada's plan"));
    assertThat(row("task_view", "description", "task_id", adas.value()))
        .isEqualTo(sealedText(ada, "Ada's notes"));
    assertThat(row("task_view", "title", "task_id", bobs.value()))
        .isEqualTo(sealedText(ada, "Ada's title for Bob's"));
    assertThat(row("task_view", "description", "task_id", bobs.value())).isEqualTo("Bob's notes");
    assertThat(traces.orgsOfTasksNaming(ada)).containsExactly(org.value());
    assertThat(traces.orgsOfTasksNaming(new UserId(UUID.randomUUID()))).isEmpty();
  }

  @Test
  void articlesAndCommentsAreFoldedAgainWhereTheErasedPersonWrote() {
    ArticleProjection articles = new ArticleProjection(db.jdbc());
    CommentProjection comments = new CommentProjection(db.jdbc());
    ArticleId adas = ArticleId.random();
    ArticleId bobs = ArticleId.random();
    CommentId comment = CommentId.random();
    happened(articles, "Article", adas.toString(), 0, drafted(adas, "Ada's", ada), sealed(ada));
    happened(
        articles,
        "Article",
        adas.toString(),
        1,
        new ArticleRevisedEvent(adas, "Ada's again", "Ada's body again", List.of("t"), ada, AT),
        sealed(ada));
    happened(articles, "Article", bobs.toString(), 0, drafted(bobs, "Bob's", bob), null);
    happened(
        articles, "Article", bobs.toString(), 1, new ArticlePublishedEvent(bobs, bob, AT), null);
    happened(
        comments,
        "Comment",
        comment.toString(),
        0,
        new CommentPostedEvent(comment, bobs, "Ada's comment", ada, AT),
        sealed(ada));

    erase(ada, new ArticleScrubbing(db.jdbc(), traces), new CommentScrubbing(db.jdbc(), traces));

    assertThat(row("article_view", "title", "article_id", adas.value()))
        .isEqualTo(sealedText(ada, "Ada's again"));
    assertThat(row("article_view", "body", "article_id", adas.value()))
        .isEqualTo(sealedText(ada, "Ada's body again"));
    assertThat(row("article_view", "title", "article_id", bobs.value())).isEqualTo("Bob's");
    assertThat(row("comment_view", "body", "comment_id", comment.value()))
        .isEqualTo(sealedText(ada, "Ada's comment"));
  }

  @Test
  void anExportIsMadeAgainFromTheEventsBeforeItsRequestWithTheErasedNameAndTextReplaced() {
    db.registerUser(ada, "ada-erased");
    db.registerUser(bob, "bob-kept");
    TaskProjection tasks = new TaskProjection(db.jdbc());
    ExportProjection exports = new ExportProjection(db.jdbc());
    ExportFiles files = new ExportFiles(db.jdbc());
    EventStream stream = new EventStream(dataSource);
    TaskId adas = TaskId.random();
    TaskId bobs = TaskId.random();
    happened(
        tasks, "Task", adas.toString(), 0, created(adas, "Ada's task", null, ada), sealed(ada));
    happened(
        tasks,
        "Task",
        bobs.toString(),
        0,
        new TaskCreatedEvent(bobs, org, "Bob's task", null, ada, null, bob, AT.plusSeconds(1)),
        null);
    ExportId export = ExportId.random();
    happened(
        exports,
        "Export",
        export.toString(),
        0,
        new ExportRequestedEvent(export, org, ExportFormat.CSV, null, bob, AT),
        null);
    // after the request: in no export
    happened(
        tasks,
        "Task",
        bobs.toString(),
        1,
        new TaskRetitledEvent(bobs, org, "Bob's later title", bob, AT),
        null);
    stream.head();
    files.write(export, ExportFormat.CSV, 64);
    files.discardRows(export);
    String before = file(export);
    assertThat(before).contains("Ada's task", "ada-erased", "Bob's task", "bob-kept");

    erase(ada, new ExportScrubbing(db.jdbc(), traces, StoredEvents.READER, files, stream));

    assertThat(file(export))
        .isEqualTo(
            before
                .replace("Ada's task", sealedText(ada, "Ada's task"))
                .replace("ada-erased", "[erased]"));
    assertThat(db.rows("export_rows")).isZero();
  }

  /** What a stored sealed value reads as here: the store's text (the server reads it erased). */
  private static String sealedText(UserId person, String text) {
    return "pd1:" + person + ":" + Integer.toHexString(text.hashCode());
  }

  /** The stored form of a payload written by {@code person}: each of its texts sealed. */
  private static java.util.function.UnaryOperator<Object> sealed(UserId person) {
    return payload -> {
      if (payload instanceof TaskCreatedEvent e) {
        return new TaskCreatedEvent(
            e.taskId(),
            e.orgId(),
            sealedText(person, e.title()),
            e.description() == null ? null : sealedText(person, e.description()),
            e.assignedTo(),
            e.dueDate(),
            e.actor(),
            e.occurredAt());
      }
      if (payload instanceof TaskRetitledEvent e) {
        return new TaskRetitledEvent(
            e.taskId(), e.orgId(), sealedText(person, e.title()), e.actor(), e.occurredAt());
      }
      if (payload instanceof ArticleDraftedEvent e) {
        return new ArticleDraftedEvent(
            e.articleId(),
            sealedText(person, e.title()),
            sealedText(person, e.body()),
            e.tags(),
            e.author(),
            e.createdAt());
      }
      if (payload instanceof ArticleRevisedEvent e) {
        return new ArticleRevisedEvent(
            e.articleId(),
            sealedText(person, e.title()),
            sealedText(person, e.body()),
            e.tags(),
            e.actor(),
            e.revisedAt());
      }
      if (payload instanceof CommentPostedEvent e) {
        return new CommentPostedEvent(
            e.commentId(), e.articleId(), sealedText(person, e.body()), e.author(), e.postedAt());
      }
      throw new IllegalArgumentException("no personal data in " + payload);
    };
  }

  private TaskCreatedEvent created(TaskId task, String title, String description, UserId by) {
    return new TaskCreatedEvent(task, org, title, description, null, null, by, AT);
  }

  private static ArticleDraftedEvent drafted(ArticleId article, String title, UserId by) {
    return new ArticleDraftedEvent(article, title, title + " body", List.of("t"), by, AT);
  }

  /**
   * An event: stored (sealed, if {@code seal} is given), indexed, and handled by {@code handler} as
   * the live processor handled it (with the text as written).
   */
  private void happened(
      Object handler,
      String type,
      String id,
      long sequence,
      Object live,
      java.util.function.UnaryOperator<Object> seal) {
    handle(handler, live, type, id, sequence, seal);
  }

  private void handle(
      Object handler,
      Object live,
      String type,
      String id,
      long sequence,
      java.util.function.UnaryOperator<Object> seal) {
    index++;
    store.store(index, type, id, sequence, seal == null ? live : seal.apply(live), AT);
    store.index(
        index,
        live instanceof io.quire.kernel.orgs.OrgScoped scoped ? scoped.orgId().value() : null,
        EventTypes.typeName(live.getClass()),
        AT);
    dispatch(handler, new GenericDomainEventMessage<>(type, id, sequence, live));
  }

  private static void dispatch(
      Object handler, org.axonframework.eventhandling.EventMessage<?> event) {
    try {
      new AnnotationEventHandlerAdapter(handler).handle(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void erase(UserId person, Object... handlers) {
    for (Object handler : handlers) {
      dispatch(
          handler,
          GenericEventMessage.asEventMessage(new UserPersonalDataErasedEvent(person, person, AT)));
    }
  }

  private String row(String table, String column, String key, UUID id) {
    return db.jdbc()
        .getJdbcTemplate()
        .queryForObject(
            "SELECT " + column + " FROM " + table + " WHERE " + key + " = ?", String.class, id);
  }

  private String file(ExportId export) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    db.jdbc()
        .getJdbcTemplate()
        .query(
            "SELECT bytes FROM export_chunks WHERE export_id = ? ORDER BY seq",
            row -> {
              bytes.writeBytes(row.getBytes(1));
            },
            export.value());
    return bytes.toString(StandardCharsets.UTF_8);
  }
}

package io.quire.query.rebuild;

import io.quire.query.articles.ArticleProjection;
import io.quire.query.articles.ArticleScrubbing;
import io.quire.query.comments.CommentProjection;
import io.quire.query.comments.CommentScrubbing;
import io.quire.query.events.PersonalDataTraces;
import io.quire.query.integrations.IntegrationProjection;
import io.quire.query.integrations.WebhookReceiptProjection;
import io.quire.query.orgs.OrgProjection;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.tasks.TaskScrubbing;
import io.quire.query.users.UserDirectoryProjection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every read model the API serves, in the order the projections admin API lists them. A read model
 * is named by what it serves; where one projection writes into another's rows (approved comments
 * move {@code article_view.comment_count}), the two are one read model, rebuilt together.
 */
@Component
public class ReadModelCatalogue {

  private final List<ReadModel> models;

  /**
   * The catalogue the server uses: each read model's copy is built by its projections and by the
   * handlers that scrub it after an erasure ({@code ...Scrubbing}), so that an erasure that commits
   * while a rebuild runs reaches the copy too when the rebuild replays it (the copy may hold the
   * text it read before the key was destroyed).
   */
  @Autowired
  public ReadModelCatalogue(PersonalDataTraces traces) {
    this.models = models(traces);
  }

  /** The catalogue without the scrubbing handlers: for tests whose histories erase no one. */
  public ReadModelCatalogue() {
    this.models = models(null);
  }

  private static List<ReadModel> models(PersonalDataTraces traces) {
    return List.of(
        ReadModel.rebuildable(
            "orgs",
            "Orgs and their members (org_view, org_member_view).",
            List.of("org_view", "org_member_view"),
            List.of(),
            List.of(),
            List.of(),
            jdbc -> List.of(new OrgProjection(jdbc))),
        ReadModel.rebuildable(
            "tasks",
            "Tasks, with each org's task counts by status (task_view, task_counts).",
            List.of("task_view", "task_counts"),
            List.of("task_list_versions"),
            List.of("UPDATE task_list_versions SET version = version + 1"),
            // What task_list_follow_row (V13) keeps in task_counts, from task_view's rows (no
            // row of zero tasks: the triggers delete a count that reaches zero, V20).
            List.of(
                "INSERT INTO task_counts (org_id, status, tasks)"
                    + " SELECT org_id, status, count(*) FROM task_view GROUP BY org_id, status"),
            jdbc ->
                traces == null
                    ? List.of(new TaskProjection(jdbc))
                    : List.of(new TaskProjection(jdbc), new TaskScrubbing(jdbc, traces))),
        ReadModel.rebuildable(
            "articles",
            "Articles with their tags, and comments, whose approved ones each article counts"
                + " (article_view, article_tag, comment_view).",
            List.of("article_view", "article_tag", "comment_view"),
            List.of("article_list_version"),
            List.of("UPDATE article_list_version SET version = version + 1"),
            List.of(),
            jdbc ->
                traces == null
                    ? List.of(new ArticleProjection(jdbc), new CommentProjection(jdbc))
                    : List.of(
                        new ArticleProjection(jdbc),
                        new CommentProjection(jdbc),
                        new ArticleScrubbing(jdbc, traces),
                        new CommentScrubbing(jdbc, traces))),
        ReadModel.rebuildable(
            "integrations",
            "Integrations and their webhook receipts (integration_view, webhook_receipt_view).",
            List.of("integration_view", "webhook_receipt_view"),
            List.of(),
            List.of(),
            List.of(),
            jdbc -> List.of(new IntegrationProjection(jdbc), new WebhookReceiptProjection(jdbc))),
        ReadModel.rebuildable(
            "users",
            "The user directory: each user's username (user_directory).",
            List.of("user_directory"),
            List.of(),
            List.of(),
            List.of(),
            jdbc -> List.of(new UserDirectoryProjection(jdbc))),
        ReadModel.notRebuildable(
            "audit",
            "The audit index: every event's commit position, org and seals (audit_event).",
            "It is the event stream itself: its positions record the order in which events"
                + " committed and its seals chain them, and neither can be recomputed from the"
                + " events. It is written in each write's own transaction and checked by"
                + " GET /api/v1/admin/events/verify/."),
        ReadModel.notRebuildable(
            "exports",
            "Export jobs and their snapshots (export_view, export_rows, export_chunks).",
            "An export's rows are a snapshot of the task read model taken when it was"
                + " requested, not something its events hold. To get a file that reflects a"
                + " rebuilt task read model, request a new export."));
  }

  /** Every read model, in listing order. */
  public List<ReadModel> all() {
    return models;
  }

  /** The read model of this name. */
  public Optional<ReadModel> named(String name) {
    return models.stream().filter(model -> model.name().equals(name)).findFirst();
  }
}

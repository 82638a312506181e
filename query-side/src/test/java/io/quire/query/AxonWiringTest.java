package io.quire.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.articles.ArticleArchivedEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleId;
import io.quire.kernel.articles.ArticlePage;
import io.quire.kernel.articles.ArticleView;
import io.quire.kernel.articles.FindArticleQuery;
import io.quire.kernel.articles.ListPublishedArticlesQuery;
import io.quire.kernel.comments.CommentApprovedEvent;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPage;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.comments.CommentRejectedEvent;
import io.quire.kernel.comments.CommentView;
import io.quire.kernel.comments.FindCommentQuery;
import io.quire.kernel.comments.ListApprovedCommentsQuery;
import io.quire.kernel.comments.ListCommentsForModerationQuery;
import io.quire.kernel.orgs.FindMemberQuery;
import io.quire.kernel.orgs.FindOrgAccessQuery;
import io.quire.kernel.orgs.FindOrgQuery;
import io.quire.kernel.orgs.ListMembersQuery;
import io.quire.kernel.orgs.ListMyOrgsQuery;
import io.quire.kernel.orgs.MemberPage;
import io.quire.kernel.orgs.MemberRemovedEvent;
import io.quire.kernel.orgs.MemberSummary;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.kernel.orgs.OrgCreatedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.OrgPage;
import io.quire.kernel.orgs.OrgSummary;
import io.quire.kernel.tasks.FindTaskAsOfQuery;
import io.quire.kernel.tasks.FindTaskQuery;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskHistoryPage;
import io.quire.kernel.tasks.TaskHistoryQuery;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskPage;
import io.quire.kernel.tasks.TaskView;
import io.quire.query.articles.ArticleProjection;
import io.quire.query.comments.CommentProjection;
import io.quire.query.orgs.OrgProjection;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.testing.KernelEvents;
import io.quire.query.testing.ReadModelWorld;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read models as Axon sees them: processing groups, event handlers and query handlers. */
class AxonWiringTest {

  private final ReadModelWorld world = new ReadModelWorld();
  private final QueryGateway gateway = gatewayTo(world);
  private final UserId ada = world.user("ada");
  private final OrgId acme = world.org("acme", ada);
  private final TaskId task = world.task(acme).createdBy(ada).create();
  private final ArticleId article = world.article(ada).tags("news").publish();
  private final CommentId comment = world.comment(article, ada, "First!");

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void eachProjectionNamesItsProcessingGroup() {
    assertThat(OrgProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("orgs");
    assertThat(TaskProjection.class.getAnnotation(ProcessingGroup.class).value())
        .isEqualTo("tasks");
    assertThat(ArticleProjection.class.getAnnotation(ProcessingGroup.class).value())
        .isEqualTo("articles");
    assertThat(CommentProjection.class.getAnnotation(ProcessingGroup.class).value())
        .isEqualTo("comments");
  }

  @Test
  void everyEventOfTheOrgAndTaskAggregatesIsHandledByItsProjection() {
    AnnotationEventHandlerAdapter orgs =
        new AnnotationEventHandlerAdapter(new OrgProjection(world.db().jdbc()));
    AnnotationEventHandlerAdapter tasks =
        new AnnotationEventHandlerAdapter(new TaskProjection(world.db().jdbc()));

    List<Class<?>> orgEvents = KernelEvents.in("io.quire.kernel.orgs");
    List<Class<?>> taskEvents = KernelEvents.in("io.quire.kernel.tasks");

    assertThat(orgEvents).contains(OrgCreatedEvent.class, MemberRemovedEvent.class);
    assertThat(orgEvents).allMatch(orgs::canHandleType);
    assertThat(taskEvents).hasSize(8).contains(TaskCreatedEvent.class, TaskDeletedEvent.class);
    assertThat(taskEvents).allMatch(tasks::canHandleType);
  }

  @Test
  void everyEventOfTheArticleAndCommentAggregatesIsHandledByItsProjection() {
    AnnotationEventHandlerAdapter articles =
        new AnnotationEventHandlerAdapter(new ArticleProjection(world.db().jdbc()));
    AnnotationEventHandlerAdapter comments =
        new AnnotationEventHandlerAdapter(new CommentProjection(world.db().jdbc()));

    List<Class<?>> articleEvents = KernelEvents.in("io.quire.kernel.articles");
    List<Class<?>> commentEvents = KernelEvents.in("io.quire.kernel.comments");

    assertThat(articleEvents)
        .hasSize(4)
        .contains(ArticleDraftedEvent.class, ArticleArchivedEvent.class);
    assertThat(articleEvents).allMatch(articles::canHandleType);
    assertThat(commentEvents)
        .hasSize(3)
        .contains(CommentPostedEvent.class, CommentApprovedEvent.class, CommentRejectedEvent.class);
    assertThat(commentEvents).allMatch(comments::canHandleType);
  }

  @Test
  void theOrgQueriesAreAnsweredThroughTheQueryBus() {
    assertThat(
            gateway
                .query(
                    new FindOrgAccessQuery("acme", ada),
                    ResponseTypes.optionalInstanceOf(OrgAccess.class))
                .join())
        .isPresent();
    assertThat(
            gateway
                .query(
                    new FindOrgAccessQuery("nope", ada),
                    ResponseTypes.optionalInstanceOf(OrgAccess.class))
                .join())
        .isEmpty();
    assertThat(
            gateway
                .query(
                    new FindOrgQuery(acme, ada), ResponseTypes.optionalInstanceOf(OrgSummary.class))
                .join())
        .isPresent();
    assertThat(gateway.query(new ListMyOrgsQuery(ada, 1, 20), OrgPage.class).join().count())
        .isEqualTo(1);
    assertThat(gateway.query(new ListMembersQuery(acme, 1, 20), MemberPage.class).join().count())
        .isEqualTo(1);
    assertThat(
            gateway
                .query(
                    new FindMemberQuery(acme, ada),
                    ResponseTypes.optionalInstanceOf(MemberSummary.class))
                .join())
        .isPresent();
  }

  @Test
  void theTaskQueriesAreAnsweredThroughTheQueryBus() {
    assertThat(
            gateway
                .query(new ListTasksQuery(acme, null, null, null, null, 1, 20), TaskPage.class)
                .join()
                .count())
        .isEqualTo(1);
    Optional<TaskView> found =
        gateway
            .query(new FindTaskQuery(acme, task), ResponseTypes.optionalInstanceOf(TaskView.class))
            .join();
    assertThat(found).isPresent();
    assertThat(
            gateway
                .query(
                    new FindTaskAsOfQuery(acme, task, found.orElseThrow().updatedAt()),
                    ResponseTypes.optionalInstanceOf(TaskView.class))
                .join())
        .isEqualTo(found);
    assertThat(
            gateway
                .query(
                    new TaskHistoryQuery(acme, task, 1, 20),
                    ResponseTypes.optionalInstanceOf(TaskHistoryPage.class))
                .join())
        .hasValueSatisfying(history -> assertThat(history.count()).isEqualTo(1));
  }

  @Test
  void theArticleQueriesAreAnsweredThroughTheQueryBus() {
    assertThat(
            gateway
                .query(new ListPublishedArticlesQuery("", "news", "ADA", 1, 20), ArticlePage.class)
                .join()
                .count())
        .isEqualTo(1);
    assertThat(
            gateway
                .query(
                    new FindArticleQuery(article),
                    ResponseTypes.optionalInstanceOf(ArticleView.class))
                .join())
        .hasValueSatisfying(view -> assertThat(view.body()).isNotNull());
    assertThat(
            gateway
                .query(
                    new FindArticleQuery(ArticleId.random()),
                    ResponseTypes.optionalInstanceOf(ArticleView.class))
                .join())
        .isEmpty();
  }

  @Test
  void theCommentQueriesAreAnsweredThroughTheQueryBus() {
    assertThat(
            gateway
                .query(new ListApprovedCommentsQuery(article, 1, 20), CommentPage.class)
                .join()
                .count())
        .isZero();
    assertThat(
            gateway
                .query(new ListCommentsForModerationQuery(null, 1, 20), CommentPage.class)
                .join()
                .count())
        .isEqualTo(1);
    assertThat(
            gateway
                .query(
                    new FindCommentQuery(comment),
                    ResponseTypes.optionalInstanceOf(CommentView.class))
                .join())
        .isPresent();
  }

  private static QueryGateway gatewayTo(ReadModelWorld world) {
    SimpleQueryBus bus = SimpleQueryBus.builder().build();
    for (Object handlers :
        List.of(
            world.orgQueries(),
            world.taskQueries(),
            world.historyQueries(),
            world.articleQueries(),
            world.commentQueries())) {
      new AnnotationQueryHandlerAdapter<>(handlers).subscribe(bus);
    }
    return DefaultQueryGateway.builder().queryBus(bus).build();
  }
}

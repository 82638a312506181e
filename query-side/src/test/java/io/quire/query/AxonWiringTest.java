package io.quire.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
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

  @AfterEach
  void close() {
    world.close();
  }

  @Test
  void eachProjectionNamesItsProcessingGroup() {
    assertThat(OrgProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("orgs");
    assertThat(TaskProjection.class.getAnnotation(ProcessingGroup.class).value())
        .isEqualTo("tasks");
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

  private static QueryGateway gatewayTo(ReadModelWorld world) {
    SimpleQueryBus bus = SimpleQueryBus.builder().build();
    for (Object handlers :
        List.of(world.orgQueries(), world.taskQueries(), world.historyQueries())) {
      new AnnotationQueryHandlerAdapter<>(handlers).subscribe(bus);
    }
    return DefaultQueryGateway.builder().queryBus(bus).build();
  }
}

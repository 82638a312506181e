package io.quire.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.orgs.MemberRoleChangedEvent;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDueDateChangedEvent;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import org.junit.jupiter.api.Test;

class EventTypesTest {

  @Test
  void theTypeIsTheAggregateADotAndWhatHappenedInSnakeCase() {
    assertThat(EventTypes.typeName(TaskStatusChangedEvent.class)).isEqualTo("task.status_changed");
    assertThat(EventTypes.typeName(TaskCreatedEvent.class)).isEqualTo("task.created");
    assertThat(EventTypes.typeName(TaskDueDateChangedEvent.class))
        .isEqualTo("task.due_date_changed");
    assertThat(EventTypes.typeName(MemberRoleChangedEvent.class)).isEqualTo("member.role_changed");
  }

  @Test
  void aNameWithoutTheEventSuffixOrWithOneWordOnlyStillHasAName() {
    assertThat(EventTypes.typeName("OrgRenamed")).isEqualTo("org.renamed");
    assertThat(EventTypes.typeName("Ping")).isEqualTo("ping");
    assertThat(EventTypes.typeName("Event")).isEqualTo("event");
  }

  @Test
  void anAggregateTypeIsItsNameInSnakeCase() {
    assertThat(EventTypes.aggregateTypeName("WebhookReceipt")).isEqualTo("webhook_receipt");
    assertThat(EventTypes.aggregateTypeName("Task")).isEqualTo("task");
    assertThat(EventTypes.aggregateTypeName("Org")).isEqualTo("org");
  }
}

package io.quire.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDeletedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.kernel.tasks.TaskStatusChangedEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDataTest {

  private static final TaskId TASK = TaskId.of("0b7c1f6e-6d1a-4c43-9a55-0d5f3e1c2a01");
  private static final OrgId ORG = OrgId.of("1c8d2a7f-7e2b-4d54-8b66-1e6a4f2d3b02");
  private static final UserId ADA = UserId.of("2d9e3b80-8f3c-4e65-9c77-2f7b5a3e4c03");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void dataIsTheEventsOwnFieldsInSnakeCaseAsJsonValuesInDeclarationOrder() {
    Map<String, Object> data =
        EventData.of(
            new TaskCreatedEvent(
                TASK, ORG, "Title", null, ADA, LocalDate.parse("2026-03-10"), ADA, AT));

    assertThat(data.keySet()).containsExactly("title", "description", "assigned_to", "due_date");
    assertThat(data)
        .containsEntry("title", "Title")
        .containsEntry("description", null)
        .containsEntry("assigned_to", ADA.value().toString())
        .containsEntry("due_date", "2026-03-10");
  }

  @Test
  void enumsAreTheirWireNames() {
    assertThat(EventData.of(new TaskStatusChangedEvent(TASK, ORG, TaskStatus.IN_PROGRESS, ADA, AT)))
        .isEqualTo(Map.of("status", "in_progress"));
  }

  @Test
  void idsActorsAndTimesShownElsewhereAreLeftOut() {
    assertThat(EventData.of(new TaskDeletedEvent(TASK, ORG, ADA, AT))).isEmpty();
  }

  @Test
  void anInstantThatIsNotShownElsewhereIsAnIsoString() {
    record Scheduled(Instant remindAt) {}

    assertThat(EventData.of(new Scheduled(AT)))
        .isEqualTo(Map.of("remind_at", "2026-03-01T12:00:00Z"));
  }
}

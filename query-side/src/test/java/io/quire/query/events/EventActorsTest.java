package io.quire.query.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.exports.ExportCompletedEvent;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.orgs.MemberAddedEvent;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.orgs.Role;
import io.quire.kernel.tasks.TaskAssignedEvent;
import io.quire.kernel.tasks.TaskId;
import io.quire.query.testing.KernelEvents;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventActorsTest {

  private static final UserId ADA = UserId.of("00000000-0000-0000-0000-00000000000a");
  private static final UserId BOB = UserId.of("00000000-0000-0000-0000-00000000000b");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void theActorIsWhoActedNotWhoTheEventIsAbout() {
    assertThat(EventActors.actor(new MemberAddedEvent(OrgId.random(), BOB, Role.MEMBER, ADA, AT)))
        .isEqualTo(ADA);
    assertThat(
            EventActors.actor(new TaskAssignedEvent(TaskId.random(), OrgId.random(), BOB, ADA, AT)))
        .isEqualTo(ADA);
  }

  @Test
  void whatTheSystemDidHasNoActor() {
    assertThat(EventActors.actor(new ExportCompletedEvent(ExportId.random(), 3, AT))).isNull();
  }

  @Test
  void everyEventOfTheKernelHasAtMostOneActorFieldAndEveryUserFieldIsKnown() {
    List<Class<?>> events = KernelEvents.all();
    assertThat(events).hasSizeGreaterThan(25);
    for (Class<?> event : events) {
      List<String> actorFields =
          Arrays.stream(event.getRecordComponents())
              .filter(c -> c.getType() == UserId.class)
              .map(RecordComponent::getName)
              .filter(EventActors.ACTOR_FIELDS::contains)
              .toList();
      assertThat(actorFields).as(event.getSimpleName()).hasSizeLessThanOrEqualTo(1);
      assertThat(EventActors.actorComponent(event).map(RecordComponent::getName))
          .as(event.getSimpleName())
          .isEqualTo(actorFields.stream().findFirst());
    }
  }
}

package io.quire.query.tasks;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.quire.query.testing.KernelEvents;
import org.junit.jupiter.api.Test;

class TaskEventFieldsTest {

  @Test
  void historyAndReplayKnowTheTimeAndActorOfEveryTaskEventOfTheKernel() {
    for (Class<?> event : KernelEvents.in("io.quire.kernel.tasks")) {
      Object blank = KernelEvents.blank(event);
      assertThatCode(() -> TaskEventFields.occurredAt(blank))
          .as("%s", event)
          .doesNotThrowAnyException();
      assertThatCode(() -> TaskEventFields.actor(blank)).as("%s", event).doesNotThrowAnyException();
    }
  }
}

package io.quire.kernel.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaskOrderingTest {

  @ParameterizedTest
  @EnumSource(TaskOrdering.class)
  void theWireNameIsTheJsonName(TaskOrdering ordering) throws Exception {
    JsonProperty json =
        TaskOrdering.class.getField(ordering.name()).getAnnotation(JsonProperty.class);

    assertThat(ordering.wireName()).isEqualTo(json.value());
  }
}

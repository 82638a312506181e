package io.quire.api.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

class HealthControllerTest {

  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
  private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);
  private final HealthController controller =
      new HealthController(new ReadinessChecks(jdbc, processing));

  HealthControllerTest() {
    when(jdbc.queryForObject(anyString(), eq(Integer.class))).thenReturn(1);
    when(processing.eventProcessors()).thenReturn(Map.of("user-directory", processor));
    when(processor.isRunning()).thenReturn(true);
  }

  @Test
  void readyWhenTheDatabaseAnswersAndProcessorsRun() {
    var answer = controller.readyz();

    assertThat(answer.getStatusCode().value()).isEqualTo(200);
    assertThat(answer.getBody().status()).isEqualTo("ok");
  }

  @Test
  void notReadyWhenTheDatabaseDoesNotAnswer() {
    when(jdbc.queryForObject(anyString(), eq(Integer.class)))
        .thenThrow(new DataAccessResourceFailureException("connection refused"));

    var answer = controller.readyz();

    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getBody().status()).isEqualTo("unavailable");
    assertThat(answer.getBody().checks())
        .containsEntry("database", "unreachable")
        .containsEntry("event_processor:user-directory", "ok");
  }

  @Test
  void notReadyWhenAProcessorStoppedOrFailed() {
    when(processor.isRunning()).thenReturn(false);
    assertThat(controller.readyz().getStatusCode().value()).isEqualTo(503);
    assertThat(controller.readyz().getBody().checks())
        .containsEntry("event_processor:user-directory", "stopped");

    when(processor.isRunning()).thenReturn(true);
    when(processor.isError()).thenReturn(true);
    assertThat(controller.readyz().getBody().checks())
        .containsEntry("event_processor:user-directory", "error");
  }
}

package io.quire.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.query.exports.ExportFileException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** What a failed export tells the people who requested it: why, without internals. */
class ExportFailureReasonTest {

  @Test
  void aProblemWithTheRowsIsToldAsItIs() {
    RuntimeException wrapped =
        new IllegalStateException("tx", new ExportFileException("Task 1 has no title."));

    assertThat(ExportJobs.reason(wrapped))
        .isEqualTo("The file could not be written: Task 1 has no title.");
  }

  @Test
  void aDatabaseErrorIsNamedWithoutItsSql() {
    String reason =
        ExportJobs.reason(
            new DataIntegrityViolationException("INSERT INTO export_chunks ... duplicate key"));

    assertThat(reason).isEqualTo("The file could not be written: the database reported an error.");
  }

  @Test
  void anythingElseIsAnUnexpectedErrorWithoutItsClassOrStack() {
    String reason = ExportJobs.reason(new NullPointerException("row.title() is null"));

    assertThat(reason)
        .isEqualTo("The file could not be written: an unexpected error occurred on the server.")
        .doesNotContain("NullPointer", "null", "at io.");
  }
}

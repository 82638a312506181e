package io.quire.query.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.testsupport.Seeded;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Export files, written through the chunked store's stream with chunks of any size (so chunk
 * boundaries fall inside multi-byte UTF-8 characters), read back as UTF-8 by a standard CSV parser
 * and by Jackson: the same rows come back.
 */
class ExportRowWriterProperties {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Gen<String> nullable(Gen<String> text) {
    return Generate.constant((String) null).mix(text, 30);
  }

  private static Gen<ExportRow> rows() {
    Gen<UUID> ids = longs().all().zip(longs().all(), UUID::new);
    Gen<String> statuses =
        Generate.pick(Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).toList());
    Gen<LocalDate> dueDates =
        Generate.constant((LocalDate) null)
            .mix(integers().between(0, 40_000).map(d -> LocalDate.ofEpochDay(d)), 70);
    Gen<Instant> createdAts = longs().between(0, 4_000_000_000_000L).map(Instant::ofEpochMilli);
    return ids.zip(
            ExportTexts.text(),
            statuses,
            nullable(ExportTexts.text()),
            (id, title, status, createdBy) -> new Object[] {id, title, status, createdBy})
        .zip(
            nullable(ExportTexts.text()),
            dueDates,
            createdAts,
            (a, assignedTo, due, created) ->
                new ExportRow(
                    (UUID) a[0],
                    (String) a[1],
                    (String) a[2],
                    (String) a[3],
                    assignedTo,
                    due,
                    created));
  }

  /** The file of {@code rows} in {@code format}, as the chunks the store would hold, joined. */
  private static String file(ExportFormat format, List<ExportRow> rows, int chunkSize) {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    try (ChunkedOutputStream out =
        new ChunkedOutputStream(
            chunkSize,
            (seq, bytes) -> {
              assertThat(bytes.length).isBetween(1, chunkSize);
              joined.write(bytes);
            })) {
      ExportRowWriter writer = ExportRowWriter.of(format, out);
      for (ExportRow row : rows) {
        writer.write(row);
      }
      writer.finish();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return joined.toString(StandardCharsets.UTF_8);
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  @Test
  void csvFilesParseBackToTheSameRows() {
    Seeded.qt()
        .withExamples(300)
        .forAll(lists().of(rows()).ofSizeBetween(0, 15), integers().between(1, 64))
        .checkAssert(
            (rows, chunkSize) -> {
              List<List<String>> records =
                  Rfc4180WriterProperties.parse(file(ExportFormat.CSV, rows, chunkSize));
              List<List<String>> expected = new ArrayList<>();
              expected.add(ExportRow.COLUMNS);
              for (ExportRow row : rows) {
                expected.add(
                    List.of(
                        row.id().toString(),
                        row.title(),
                        row.status(),
                        text(row.createdBy()),
                        text(row.assignedTo()),
                        text(row.dueDate()),
                        row.createdAt().toString()));
              }
              assertThat(records).isEqualTo(expected);
            });
  }

  @Test
  void jsonFilesParseBackToTheSameRows() {
    Seeded.qt()
        .withExamples(300)
        .forAll(lists().of(rows()).ofSizeBetween(0, 15), integers().between(1, 64))
        .checkAssert(
            (rows, chunkSize) -> {
              JsonNode file = readTree(file(ExportFormat.JSON, rows, chunkSize));
              assertThat(file.isArray()).isTrue();
              assertThat(file.size()).isEqualTo(rows.size());
              for (int i = 0; i < rows.size(); i++) {
                ExportRow row = rows.get(i);
                JsonNode object = file.get(i);
                List<String> fields = new ArrayList<>();
                object.fieldNames().forEachRemaining(fields::add);
                assertThat(fields).isEqualTo(ExportRow.COLUMNS);
                assertThat(object.get("id").asText()).isEqualTo(row.id().toString());
                assertThat(object.get("title").asText()).isEqualTo(row.title());
                assertThat(object.get("status").asText()).isEqualTo(row.status());
                assertThat(textOrNull(object.get("created_by"))).isEqualTo(row.createdBy());
                assertThat(textOrNull(object.get("assigned_to"))).isEqualTo(row.assignedTo());
                assertThat(textOrNull(object.get("due_date")))
                    .isEqualTo(row.dueDate() == null ? null : row.dueDate().toString());
                assertThat(Instant.parse(object.get("created_at").asText()))
                    .isEqualTo(row.createdAt());
              }
            });
  }

  private static String textOrNull(JsonNode node) {
    return node.isNull() ? null : node.asText();
  }

  private static JsonNode readTree(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("Not JSON: " + text, e);
    }
  }
}

package io.quire.query.exports;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.quire.kernel.exports.ExportFormat;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes an export's rows to a stream, one at a time, as a file of its format: {@link #of} picks
 * the writer. Nothing but the writer's small buffer is held in memory. {@link #finish()} ends the
 * file and flushes it; the stream itself stays open.
 */
public interface ExportRowWriter {

  /** Writes one row. */
  void write(ExportRow row) throws IOException;

  /** Ends the file and flushes everything written to the stream. */
  void finish() throws IOException;

  /** A writer of {@code format} onto {@code out}, its file begun (a CSV header, a JSON '['). */
  static ExportRowWriter of(ExportFormat format, OutputStream out) throws IOException {
    return switch (format) {
      case CSV -> new Csv(out);
      case JSON -> new Json(out);
    };
  }

  /** CSV: the header row, then one record per row (RFC 4180, UTF-8, CRLF). */
  final class Csv implements ExportRowWriter {
    private final Writer text;
    private final Rfc4180Writer csv;

    Csv(OutputStream out) throws IOException {
      this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      this.csv = new Rfc4180Writer(text);
      csv.writeRecord(ExportRow.COLUMNS);
    }

    @Override
    public void write(ExportRow row) throws IOException {
      List<String> fields = new ArrayList<>(ExportRow.COLUMNS.size());
      fields.add(row.id().toString());
      fields.add(row.title());
      fields.add(row.status());
      fields.add(row.createdBy());
      fields.add(row.assignedTo());
      fields.add(row.dueDate() == null ? null : row.dueDate().toString());
      fields.add(row.createdAt().toString());
      csv.writeRecord(fields);
    }

    @Override
    public void finish() throws IOException {
      text.flush();
    }
  }

  /** JSON: an array of objects with the columns as fields; absent values are {@code null}. */
  final class Json implements ExportRowWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final JsonGenerator json;

    Json(OutputStream out) throws IOException {
      this.json = FACTORY.createGenerator(out, JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      json.writeStartArray();
    }

    @Override
    public void write(ExportRow row) throws IOException {
      json.writeStartObject();
      json.writeStringField("id", row.id().toString());
      json.writeStringField("title", row.title());
      json.writeStringField("status", row.status());
      json.writeStringField("created_by", row.createdBy());
      json.writeStringField("assigned_to", row.assignedTo());
      json.writeStringField("due_date", row.dueDate() == null ? null : row.dueDate().toString());
      json.writeStringField("created_at", row.createdAt().toString());
      json.writeEndObject();
    }

    @Override
    public void finish() throws IOException {
      json.writeEndArray();
      json.flush();
    }
  }
}

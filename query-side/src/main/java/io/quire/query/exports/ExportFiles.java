package io.quire.query.exports;

import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.tasks.TaskStatus;
import io.quire.query.sql.SqlValues;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files of exports: written from an export's rows ({@code export_rows}) into {@code
 * export_chunks}, and read back from there, both streaming, so neither holds more than a chunk and
 * a batch of rows in memory, however many tasks the org has.
 *
 * <p>Rows are read with a JDBC fetch size: on PostgreSQL that streams through a cursor only inside
 * a transaction (autocommit off), so {@link #write} must run in one.
 */
@Component
public class ExportFiles {

  /** Rows fetched from the database at a time while a file is written. */
  static final int FETCH_SIZE = 500;

  private static final Set<String> STATUSES =
      Arrays.stream(TaskStatus.values()).map(TaskStatus::wireName).collect(Collectors.toSet());

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;

  public ExportFiles(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
    JdbcTemplate fetching = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
    fetching.setFetchSize(FETCH_SIZE);
    this.streaming = new NamedParameterJdbcTemplate(fetching);
  }

  /**
   * Writes the export's file from its rows, in their order, replacing any chunks a run before this
   * one left, and answers the number of rows written. Run it in a transaction (see above); the rows
   * stay until {@link #discardRows}.
   *
   * @throws ExportFileException if a row cannot be written (its message says why)
   */
  public long write(ExportId export, ExportFormat format, int chunkSize) {
    MapSqlParameterSource id = new MapSqlParameterSource("exportId", export.value());
    jdbc.update("DELETE FROM export_chunks WHERE export_id = :exportId", id);
    long[] rows = {0};
    try (ChunkedOutputStream out =
        new ChunkedOutputStream(chunkSize, (seq, bytes) -> insertChunk(export, seq, bytes))) {
      ExportRowWriter writer = ExportRowWriter.of(format, out);
      streaming.query(
          """
          SELECT task_id, title, status, created_by, assigned_to, due_date, created_at
          FROM export_rows WHERE export_id = :exportId ORDER BY position
          """,
          id,
          (ResultSet row) -> {
            try {
              writer.write(row(row));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            rows[0]++;
          });
      writer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows[0];
  }

  /** Deletes the export's rows, once its file is written. */
  public void discardRows(ExportId export) {
    jdbc.update(
        "DELETE FROM export_rows WHERE export_id = :exportId",
        new MapSqlParameterSource("exportId", export.value()));
  }

  /** The number of chunks the export's file is stored in. */
  public int chunks(ExportId export) {
    Integer count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM export_chunks WHERE export_id = :exportId",
            new MapSqlParameterSource("exportId", export.value()),
            Integer.class);
    return count == null ? 0 : count;
  }

  /** Copies the export's file to {@code out}, one chunk at a time. */
  public void copyTo(ExportId export, OutputStream out) throws IOException {
    MapSqlParameterSource id = new MapSqlParameterSource("exportId", export.value());
    List<Integer> seqs =
        jdbc.queryForList(
            "SELECT seq FROM export_chunks WHERE export_id = :exportId ORDER BY seq",
            id,
            Integer.class);
    for (int seq : seqs) {
      byte[] bytes =
          jdbc.queryForObject(
              "SELECT bytes FROM export_chunks WHERE export_id = :exportId AND seq = :seq",
              new MapSqlParameterSource("exportId", export.value()).addValue("seq", seq),
              byte[].class);
      out.write(bytes);
    }
    out.flush();
  }

  private void insertChunk(ExportId export, int seq, byte[] bytes) {
    jdbc.update(
        "INSERT INTO export_chunks (export_id, seq, bytes) VALUES (:exportId, :seq, :bytes)",
        new MapSqlParameterSource("exportId", export.value())
            .addValue("seq", seq)
            .addValue("bytes", bytes));
  }

  private static ExportRow row(ResultSet row) throws SQLException {
    String status = row.getString("status");
    if (!STATUSES.contains(status)) {
      throw new ExportFileException(
          "Task "
              + SqlValues.uuid(row, "task_id")
              + " has a status this export cannot write: '"
              + status.toLowerCase(Locale.ROOT)
              + "'.");
    }
    return new ExportRow(
        SqlValues.uuid(row, "task_id"),
        row.getString("title"),
        status,
        row.getString("created_by"),
        row.getString("assigned_to"),
        SqlValues.date(row, "due_date"),
        SqlValues.instant(row, "created_at"));
  }
}

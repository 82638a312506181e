package io.quire.query.exports;

import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.ExportView;
import io.quire.kernel.exports.FindExportQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.sql.SqlValues;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Answers questions about exports from {@code export_view}. */
@Component
public class ExportQueries {

  private static final String SELECT =
      """
      SELECT export_id, org_id, format, status, row_count, created_at, completed_at, error,
             version
      FROM export_view
      """;

  private static final RowMapper<ExportView> VIEW =
      (row, n) -> {
        long count = row.getLong("row_count");
        Long rowCount = row.wasNull() ? null : count;
        return new ExportView(
            new ExportId(SqlValues.uuid(row, "export_id")),
            new OrgId(SqlValues.uuid(row, "org_id")),
            ExportFormat.ofWireName(row.getString("format")),
            ExportStatus.ofWireName(row.getString("status")),
            rowCount,
            SqlValues.instant(row, "created_at"),
            SqlValues.instant(row, "completed_at"),
            row.getString("error"),
            row.getLong("version"));
      };

  private final NamedParameterJdbcTemplate jdbc;

  public ExportQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One export of the org; empty if there is none, or it belongs to another org. */
  @QueryHandler
  public Optional<ExportView> handle(FindExportQuery query) {
    return find(query.exportId()).filter(export -> export.orgId().equals(query.orgId()));
  }

  /** One export, whichever org it belongs to (for the background job). */
  public Optional<ExportView> find(ExportId export) {
    return SqlValues.atMostOne(
        jdbc.query(
            SELECT + "WHERE export_id = :exportId",
            new MapSqlParameterSource("exportId", export.value()),
            VIEW));
  }

  /** The exports whose file is not written yet (pending or running), oldest first. */
  public List<ExportId> unfinished() {
    return jdbc.query(
        "SELECT export_id FROM export_view WHERE status IN ('pending', 'running')"
            + " ORDER BY created_at, export_id",
        new MapSqlParameterSource(),
        (row, n) -> new ExportId(SqlValues.uuid(row, "export_id")));
  }

  /**
   * Locks the export's row until the transaction ends, and answers its status then: jobs of the
   * same export, on any server, write its file one after the other, and the later one sees that the
   * earlier one finished it.
   */
  public Optional<ExportStatus> lockStatus(ExportId export) {
    return SqlValues.atMostOne(
        jdbc
            .queryForList(
                "SELECT status FROM export_view WHERE export_id = :exportId FOR UPDATE",
                new MapSqlParameterSource("exportId", export.value()),
                String.class)
            .stream()
            .map(ExportStatus::ofWireName)
            .toList());
  }
}

package io.quire.api.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks for text anywhere in a PostgreSQL database: every column of every table of every schema but
 * the system's (text columns as text, {@code bytea} columns such as event payloads as UTF-8 bytes,
 * any other column as its text form). What it answers names the table and column where each text
 * was found, so a failing test says where personal data was left behind.
 */
public final class DatabaseScan {

  private final JdbcTemplate jdbc;

  public DatabaseScan(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Where each of {@code texts} occurs: {@code "schema.table.column holds 'text'"}, or empty. */
  public List<String> findAnywhere(Collection<String> texts) {
    List<Map<String, Object>> columns =
        jdbc.queryForList(
            "SELECT c.table_schema, c.table_name, c.column_name, c.data_type"
                + " FROM information_schema.columns c JOIN information_schema.tables t"
                + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE t.table_type = 'BASE TABLE'"
                + " AND c.table_schema NOT IN ('pg_catalog', 'information_schema')"
                + " AND c.table_schema NOT LIKE 'pg_toast%'");
    List<String> found = new ArrayList<>();
    for (Map<String, Object> column : columns) {
      String table = quoted(column.get("table_schema")) + "." + quoted(column.get("table_name"));
      String name = quoted(column.get("column_name"));
      boolean bytes = "bytea".equals(column.get("data_type"));
      String holds =
          bytes
              ? "position(convert_to(x.text, 'UTF8') in " + name + ") > 0"
              : "strpos(" + name + "::text, x.text) > 0";
      List<String> hits =
          jdbc.queryForList(
              "SELECT x.text FROM unnest(?::text[]) AS x(text) WHERE EXISTS (SELECT 1 FROM "
                  + table
                  + " WHERE "
                  + holds
                  + ")",
              String.class,
              (Object) texts.toArray(String[]::new));
      for (String text : hits) {
        found.add(table + "." + name + " holds '" + text + "'");
      }
    }
    return found;
  }

  private static String quoted(Object identifier) {
    return "\"" + identifier.toString().replace("\"", "\"\"") + "\"";
  }
}

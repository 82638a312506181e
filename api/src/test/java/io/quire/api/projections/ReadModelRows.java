package io.quire.api.projections;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of a read model's tables, in a form two copies can be compared by: each table's rows as
 * text, sorted, so the comparison is row for row and column for column, and says which row differs.
 */
public final class ReadModelRows {

  /** The tables of each rebuildable read model (the catalogue's, as the tests know them). */
  public static final Map<String, List<String>> TABLES =
      Map.of(
          "orgs", List.of("org_view", "org_member_view"),
          "tasks", List.of("task_view", "task_counts"),
          "articles", List.of("article_view", "article_tag", "comment_view"),
          "integrations", List.of("integration_view", "webhook_receipt_view"),
          "users", List.of("user_directory"));

  private ReadModelRows() {}

  /** The rows of every table of this read model, by table. */
  static Map<String, List<String>> of(JdbcTemplate sql, String model) {
    Map<String, List<String>> rows = new TreeMap<>();
    for (String table : TABLES.get(model)) {
      rows.put(
          table,
          sql.queryForList("SELECT * FROM " + table).stream()
              .map(row -> new TreeMap<>(row).toString())
              .sorted()
              .toList());
    }
    return rows;
  }

  /** The rows of every rebuildable read model. */
  public static Map<String, Map<String, List<String>>> ofAll(JdbcTemplate sql) {
    Map<String, Map<String, List<String>>> all = new TreeMap<>();
    for (String model : TABLES.keySet()) {
      all.put(model, of(sql, model));
    }
    return all;
  }
}

package io.quire.query.sql;

import java.util.Locale;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcOperations;

/**
 * The one place where the read models' SQL differs between PostgreSQL and H2 (in PostgreSQL mode):
 *
 * <ul>
 *   <li>case-insensitive containment: PostgreSQL uses {@code ILIKE}, which its trigram GIN indexes
 *       serve; elsewhere (H2) it is {@code LOWER(x) LIKE LOWER(pattern)};
 *   <li>task list bookkeeping kept by the database: on PostgreSQL, triggers keep {@code
 *       task_counts} and {@code task_list_versions} (migration V6), so the task list need not count
 *       an org's tasks per request and can serve an unchanged page again; H2 counts, and computes
 *       every page;
 *   <li>the public article list's version, kept by triggers on PostgreSQL ({@code
 *       article_list_version}, V10), so an unchanged page is served again; H2 computes every page.
 * </ul>
 */
public enum SqlDialect {
  POSTGRESQL {
    @Override
    public String likeIgnoringCase(String column, String patternParameter) {
      return column + " ILIKE :" + patternParameter + " " + LikePattern.ESCAPE_CLAUSE;
    }

    @Override
    public boolean keepsTaskListBookkeeping() {
      return true;
    }

    @Override
    public boolean keepsArticleListVersion() {
      return true;
    }
  },
  /** H2 and any other database: standard SQL. */
  STANDARD {
    @Override
    public String likeIgnoringCase(String column, String patternParameter) {
      return "LOWER("
          + column
          + ") LIKE LOWER(:"
          + patternParameter
          + ") "
          + LikePattern.ESCAPE_CLAUSE;
    }

    @Override
    public boolean keepsTaskListBookkeeping() {
      return false;
    }

    @Override
    public boolean keepsArticleListVersion() {
      return false;
    }
  };

  /**
   * A condition: {@code column} matches the {@link LikePattern} in the named parameter, ignoring
   * case.
   */
  public abstract String likeIgnoringCase(String column, String patternParameter);

  /**
   * Whether the database keeps {@code task_counts} (each org's number of tasks per status) and
   * {@code task_list_versions} (a version of each org's task list).
   */
  public abstract boolean keepsTaskListBookkeeping();

  /** Whether {@code article_list_version} is kept by the database (V10). */
  public abstract boolean keepsArticleListVersion();

  /** The dialect of the database behind {@code jdbc} (asks for its product name once). */
  public static SqlDialect of(JdbcOperations jdbc) {
    String product =
        jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    return ofProductName(product);
  }

  /** The dialect for a JDBC database product name ({@code PostgreSQL}, {@code H2}, ...). */
  public static SqlDialect ofProductName(String product) {
    return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")
        ? POSTGRESQL
        : STANDARD;
  }
}

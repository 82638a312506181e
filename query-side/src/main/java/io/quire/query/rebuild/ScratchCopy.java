package io.quire.query.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * A read model's new copy, built in a schema of its own ({@link ReadModel#scratchSchema()}) from
 * the live tables' own definitions as PostgreSQL's catalogue states them (columns, defaults,
 * checks, keys, indexes, triggers, foreign keys), so that the copy swapped in is the table the
 * migrations made, under the same names, and the next migration finds what it expects.
 *
 * <p>The projections write into the copy through a connection whose {@code search_path} puts the
 * scratch schema first ({@link #searchPath}): their SQL names tables without a schema, and so do
 * the trigger functions that keep counts, so the same handlers and triggers that keep the live
 * tables build the copy. Keys come first (handlers look rows up by them); the other indexes and the
 * foreign keys are made once the copy is built, which is cheaper than keeping them up row by row.
 * So are the triggers of a model that says how to compute what they keep ({@link
 * ReadModel#keptByTriggers()}): one statement at the end instead of a trigger call for every row
 * changed.
 *
 * <p>While it is built, the copy's tables are {@code UNLOGGED} (no WAL for each row change, the
 * largest part of PostgreSQL's work in a rebuild) and half-empty pages ({@link #BUILD_FILLFACTOR}).
 * {@link #finish} makes them logged (one rewrite, the whole table written to the WAL once). A crash
 * of PostgreSQL meanwhile empties unlogged tables; {@link #lostInACrash} tells the rebuild, which
 * then starts again from the first event.
 */
final class ScratchCopy {

  /**
   * The copy's fill factor while it is built: half of each page is left free, so that the updates
   * of a replay (a task's row changes once for each of its events) mostly fit on the row's own page
   * and are HOT updates, which leave the key index alone. {@link #finish} restores the live table's
   * storage parameters, and its rewrite packs the pages.
   */
  private static final int BUILD_FILLFACTOR = 50;

  private final ReadModel model;
  private final String live;
  private final String scratch;

  ScratchCopy(ReadModel model, String liveSchema) {
    this.model = model;
    this.live = liveSchema;
    this.scratch = model.scratchSchema();
  }

  /** The {@code search_path} under which the projections' SQL writes into the copy. */
  String searchPath() {
    return quote(scratch) + ", " + quote(live);
  }

  /** Drops what an earlier rebuild left and makes empty tables with their keys and triggers. */
  void create(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + quote(scratch) + " CASCADE");
      sql.execute("CREATE SCHEMA " + quote(scratch));
      for (String table : allTables()) {
        sql.execute(
            "CREATE UNLOGGED TABLE "
                + in(scratch, table)
                + " (LIKE "
                + in(live, table)
                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED"
                + " INCLUDING IDENTITY INCLUDING STORAGE INCLUDING COMMENTS)"
                + " WITH (fillfactor = "
                + BUILD_FILLFACTOR
                + ")");
        for (String[] key : constraints(connection, table, "'p', 'u', 'x'")) {
          sql.execute(
              "ALTER TABLE "
                  + in(scratch, table)
                  + " ADD CONSTRAINT "
                  + quote(key[0])
                  + " "
                  + key[1]);
        }
      }
      for (String counter : model.counters()) {
        sql.execute("INSERT INTO " + in(scratch, counter) + " SELECT * FROM " + in(live, counter));
      }
      if (model.keptByTriggers().isEmpty()) {
        createTriggers(connection, sql);
      }
    }
  }

  private void createTriggers(Connection connection, Statement sql) throws SQLException {
    for (String table : model.tables()) {
      for (String trigger : definitions(connection, TRIGGERS, table)) {
        sql.execute(onScratch(trigger, table));
      }
    }
  }

  /** Whether the copy has the live tables' triggers yet. */
  private boolean hasTriggers(Connection connection) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT count(*) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND NOT t.tgisinternal")) {
      select.setString(1, scratch);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1) > 0;
      }
    }
  }

  /**
   * Finishes the copy once its rows are in, committing on {@code connection} as it goes (each step
   * is idempotent, as a server that takes a rebuild over may finish the copy a second time):
   *
   * <ol>
   *   <li>its tables are made logged, with the live tables' storage parameters (one rewrite each),
   *       and committed;
   *   <li>its other indexes are made, several at once, each on a connection of its own from {@code
   *       dataSource} (the trigram indexes take seconds each; on PostgreSQL 15 one index build uses
   *       one core), largest first;
   *   <li>for a model whose copy is built without triggers ({@link ReadModel#keptByTriggers()}),
   *       what they keep is computed and they are made, with the foreign keys, in the caller's
   *       transaction, which the caller commits: a copy has its triggers and what they keep, or
   *       neither.
   * </ol>
   */
  void finish(Connection connection, DataSource dataSource) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      for (String table : allTables()) {
        sql.execute("ALTER TABLE " + in(scratch, table) + " RESET (fillfactor)");
        String options = storageOptions(connection, table);
        if (options != null) {
          sql.execute("ALTER TABLE " + in(scratch, table) + " SET (" + options + ")");
        }
        sql.execute("ALTER TABLE " + in(scratch, table) + " SET LOGGED");
      }
    }
    List<String> indexes = new ArrayList<>();
    for (String table : model.tables()) {
      for (String index : definitions(connection, INDEXES, table)) {
        indexes.add(
            onScratch(index, table).replaceFirst("^CREATE (UNIQUE )?INDEX ", "$0IF NOT EXISTS "));
      }
    }
    connection.commit();
    createIndexes(dataSource, indexes);
    try (Statement sql = connection.createStatement()) {
      if (!model.keptByTriggers().isEmpty() && !hasTriggers(connection)) {
        sql.execute("SET LOCAL search_path TO " + searchPath());
        for (String statement : model.keptByTriggers()) {
          sql.execute(statement);
        }
        sql.execute("SET LOCAL search_path TO DEFAULT");
        createTriggers(connection, sql);
      }
      for (String table : model.tables()) {
        List<String[]> keys = constraints(connection, table, "'f'");
        sql.execute("SET LOCAL search_path TO " + searchPath());
        for (String[] key : keys) {
          sql.execute(
              "ALTER TABLE "
                  + in(scratch, table)
                  + " DROP CONSTRAINT IF EXISTS "
                  + quote(key[0])
                  + ", ADD CONSTRAINT "
                  + quote(key[0])
                  + " "
                  + key[1]);
        }
        sql.execute("SET LOCAL search_path TO DEFAULT");
      }
    }
  }

  /**
   * Runs the index definitions, as many at once as there are cores (and a connection each), the
   * inverted (GIN) indexes first: they take longest, so the others fill the remaining lanes.
   */
  private static void createIndexes(DataSource dataSource, List<String> indexes)
      throws SQLException {
    List<String> order = new ArrayList<>(indexes);
    order.sort(Comparator.comparing(index -> !index.contains(" USING gin ")));
    int lanes = Math.max(1, Math.min(order.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            lanes,
            work -> {
              Thread thread = new Thread(work, "quire-rebuild-index");
              thread.setDaemon(true);
              return thread;
            });
    try {
      List<Future<?>> builds = new ArrayList<>();
      for (String index : order) {
        builds.add(
            pool.submit(
                () -> {
                  try (Connection own = dataSource.getConnection();
                      Statement sql = own.createStatement()) {
                    own.setAutoCommit(true);
                    sql.execute(index);
                  }
                  return null;
                }));
      }
      for (Future<?> build : builds) {
        try {
          build.get();
        } catch (ExecutionException failed) {
          throw failed.getCause() instanceof SQLException sqlFailure
              ? sqlFailure
              : new SQLException("An index of the new copy could not be made", failed.getCause());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new SQLException("Interrupted while the new copy's indexes were made", interrupted);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Replaces the live tables with the copy, in the caller's transaction (PostgreSQL's DDL is
   * transactional: readers see the old tables until it commits and the new ones after), then runs
   * the model's cut-over statements and drops the scratch schema.
   */
  void swap(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      List<String> children = new ArrayList<>(model.tables());
      java.util.Collections.reverse(children);
      for (String table : children) {
        sql.execute("DROP TABLE " + in(live, table));
      }
      for (String table : model.tables()) {
        sql.execute("ALTER TABLE " + in(scratch, table) + " SET SCHEMA " + quote(live));
      }
      sql.execute("SET LOCAL search_path TO " + quote(live));
      for (String statement : model.cutOver()) {
        sql.execute(statement);
      }
      sql.execute("DROP SCHEMA " + quote(scratch) + " CASCADE");
    }
  }

  /**
   * Whether a crash of PostgreSQL emptied the copy while it was built: its tables are unlogged
   * until {@link #finish}, and crash recovery empties unlogged tables (a clean shutdown keeps
   * them). An unfinished copy whose tables are all empty, or that is missing, is taken for one; the
   * rebuild then starts again from the first event, which is correct in every case (a copy that was
   * empty anyway is rebuilt at the cost of its events).
   */
  boolean lostInACrash(Connection connection) throws SQLException {
    for (String table : allTables()) {
      String persistence = catalogue(connection, "relpersistence", in(scratch, table));
      if (persistence == null) {
        return true;
      }
      if (!persistence.equals("u")) {
        return false;
      }
      try (Statement sql = connection.createStatement();
          ResultSet any =
              sql.executeQuery("SELECT EXISTS (SELECT 1 FROM " + in(scratch, table) + ")")) {
        any.next();
        if (any.getBoolean(1)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The model's tables and its counters: every table the copy has. */
  private List<String> allTables() {
    List<String> all = new ArrayList<>(model.tables());
    all.addAll(model.counters());
    return all;
  }

  /** The live table's storage parameters ({@code fillfactor=90, ...}), or null for none. */
  private String storageOptions(Connection connection, String table) throws SQLException {
    return catalogue(connection, "array_to_string(reloptions, ', ')", in(live, table));
  }

  /** A column (or expression) of {@code pg_class} for the named table, or null if there is none. */
  private static String catalogue(Connection connection, String column, String table)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT " + column + " FROM pg_class WHERE oid = to_regclass(?)")) {
      select.setString(1, table);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  /** Drops the scratch schema, if there is one. */
  void drop(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + quote(scratch) + " CASCADE");
    }
  }

  private static final String TRIGGERS =
      "SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t"
          + " WHERE t.tgrelid = to_regclass(?) AND NOT t.tgisinternal ORDER BY t.tgname";

  /** Indexes that no key constraint owns (those come with their constraints). */
  private static final String INDEXES =
      "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
          + " JOIN pg_class c ON c.oid = i.indexrelid"
          + " WHERE i.indrelid = to_regclass(?)"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid"
          + " AND k.contype IN ('p', 'u', 'x'))"
          + " ORDER BY c.relname";

  private List<String> definitions(Connection connection, String query, String table)
      throws SQLException {
    List<String> definitions = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(query)) {
      select.setString(1, in(live, table));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          definitions.add(rows.getString(1));
        }
      }
    }
    return definitions;
  }

  /** The table's constraints of these kinds: name and definition. */
  private List<String[]> constraints(Connection connection, String table, String kinds)
      throws SQLException {
    List<String[]> constraints = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND contype IN ("
                + kinds
                + ") ORDER BY conname")) {
      select.setString(1, in(live, table));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          constraints.add(new String[] {rows.getString(1), rows.getString(2)});
        }
      }
    }
    return constraints;
  }

  /** A definition of the live table's index or trigger, made on the scratch table instead. */
  private String onScratch(String definition, String table) {
    Pattern on =
        Pattern.compile(
            " ON (ONLY )?("
                + Pattern.quote(quoteIfNeeded(live))
                + "\\.)?"
                + Pattern.quote(table)
                + " ");
    Matcher matcher = on.matcher(definition);
    if (!matcher.find()) {
      throw new IllegalStateException(
          "Cannot place this definition on the new copy of " + table + ": " + definition);
    }
    return matcher.replaceFirst(
        Matcher.quoteReplacement(" ON " + (matcher.group(1) == null ? "" : matcher.group(1)))
            + Matcher.quoteReplacement(in(scratch, table) + " "));
  }

  private static String in(String schema, String table) {
    return quote(schema) + "." + quote(table);
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String quoteIfNeeded(String identifier) {
    return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : quote(identifier);
  }
}

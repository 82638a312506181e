package io.quire.perf.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database baseline: pgbench running "load an aggregate, append one event, upsert one
 * read-model row" ({@code pgbench/append-event.sql}) at 16 clients against the PostgreSQL under
 * test, in a schema of its own ({@code pgbench/setup.sql} creates it afresh each time, and {@link
 * #dropTables()} removes it). Needs {@code psql} and {@code pgbench} on the path; a password, if
 * any, comes from {@code PGPASSWORD} as usual.
 */
public record PgbenchBaseline(String host, int port, String user, String database) {

  public static final int CLIENTS = 16;
  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial");

  /** Creates the tables, runs pgbench for {@code duration} and answers its transactions/s. */
  public double measure(Duration duration) {
    Path setup = resource("setup.sql");
    Path script = resource("append-event.sql");
    run(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", setup.toString()), true);
    String output =
        run(
            List.of(
                "pgbench",
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(CLIENTS),
                "-j",
                "2",
                "-T",
                String.valueOf(duration.toSeconds()),
                "-f",
                script.toString()),
            true);
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("pgbench printed no tps line:\n" + output);
    }
    System.out.print(output);
    return Double.parseDouble(tps.group(1));
  }

  /** Drops the baseline's schema. */
  public void dropTables() {
    run(List.of("psql", "-q", "-c", "DROP SCHEMA IF EXISTS quire_pgbench CASCADE"), false);
  }

  private String run(List<String> command, boolean mustSucceed) {
    List<String> full = withConnection(command, host, port, user, database);
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int status = process.waitFor();
      if (status != 0 && mustSucceed) {
        throw new IllegalStateException(
            String.join(" ", full) + " failed (" + status + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full.get(0) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * A psql or pgbench command line with the connection options appended. psql takes the database as
   * {@code -d}; to pgbench {@code -d} is {@code --debug} (a line printed per message, which slowed
   * the baseline down), and the database is its last argument.
   */
  static List<String> withConnection(
      List<String> command, String host, int port, String user, String database) {
    List<String> full = new ArrayList<>(command);
    full.addAll(List.of("-h", host, "-p", String.valueOf(port), "-U", user));
    full.addAll(command.get(0).equals("pgbench") ? List.of(database) : List.of("-d", database));
    return full;
  }

  private static Path resource(String name) {
    try (InputStream in = PgbenchBaseline.class.getResourceAsStream("/pgbench/" + name)) {
      if (in == null) {
        throw new IllegalStateException("pgbench/" + name + " is not on the classpath");
      }
      Path file = Files.createTempFile("quire-pgbench-", "-" + name);
      file.toFile().deleteOnExit();
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy pgbench/" + name + ": " + e, e);
    }
  }
}

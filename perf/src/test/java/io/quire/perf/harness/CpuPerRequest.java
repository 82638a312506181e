package io.quire.perf.harness;

import io.gatling.javaapi.core.Simulation;
import io.quire.perf.harness.GatlingReport.RequestStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Server CPU per request: a simulation run against one server or several in turn, round after
 * round, each run's requests divided into the CPU time the server's process spent meanwhile (user
 * plus system, from {@code /proc/PID/stat}, so Linux only). It compares builds where requests/s
 * cannot: Gatling, the server and PostgreSQL share this machine's two cores, so a server that does
 * less per request gains little throughput, while its own CPU time shows the difference at once.
 * Runs alternate between the servers, so a slow spell of the machine falls on all of them.
 *
 * <pre>
 * perf/run CpuPerRequest --simulation OrgUser --rounds 4 --warmup-rounds 1 \
 *     --server before=12345@http://127.0.0.1:18081 --server after=12346@http://127.0.0.1:18082 \
 *     -- -Dquire.reads=detail -Dquire.duration=30
 * </pre>
 *
 * <p>The simulation runs with its budgets off ({@code quire.smoke}: only "no request failed" is
 * asserted); its other settings come from the system properties after {@code --}. A failed request
 * makes the measurement fail. The table goes to standard output and to {@code target/budget-runs/};
 * warm-up rounds are shown but left out of the means.
 */
public final class CpuPerRequest {

  private CpuPerRequest() {}

  /** A server under measurement: a label for the table, its process and its address. */
  record Server(String label, long pid, String baseUrl) {

    /** {@code label=pid@url}. */
    static Server parse(String text) {
      int equals = text.indexOf('=');
      int at = text.indexOf('@');
      if (equals < 1 || at < equals) {
        throw new IllegalArgumentException("a server is label=pid@url, not " + text);
      }
      return new Server(
          text.substring(0, equals),
          Long.parseLong(text.substring(equals + 1, at)),
          text.substring(at + 1));
    }
  }

  /** One run against one server. */
  record Measurement(long requests, long failed, double requestsPerSecond, double cpuMillis) {

    double cpuMillisPerRequest() {
      return requests == 0 ? Double.NaN : cpuMillis / requests;
    }
  }

  public static void main(String[] args) throws Exception {
    String simulation = null;
    int rounds = 4;
    int warmupRounds = 0;
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--simulation" -> simulation = args[i + 1];
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--warmup-rounds" -> warmupRounds = Integer.parseInt(args[i + 1]);
        case "--server" -> servers.add(Server.parse(args[i + 1]));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (simulation == null || servers.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: CpuPerRequest --simulation NAME --server label=pid@url [--server ...]"
              + " [--rounds N] [--warmup-rounds N]");
    }
    Class<? extends Simulation> type = RunReports.simulation(simulation);
    List<List<Measurement>> table = measure(type, servers, rounds, Map.of());
    String report = report(type.getSimpleName(), servers, table, warmupRounds);
    System.out.print(report);
    RunReports.write("CpuPerRequest", report);
    boolean clean = table.stream().flatMap(List::stream).allMatch(m -> m.failed() == 0);
    System.exit(clean ? 0 : 1);
  }

  /**
   * {@code rounds} rounds, each running the simulation once against every server in turn, with
   * {@code settings} as system properties for the runs (beside those the JVM has).
   */
  static List<List<Measurement>> measure(
      Class<? extends Simulation> simulation,
      List<Server> servers,
      int rounds,
      Map<String, String> settings) {
    List<List<Measurement>> table = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      List<Measurement> row = new ArrayList<>();
      for (Server server : servers) {
        row.add(once(simulation, server, settings));
      }
      table.add(row);
    }
    return table;
  }

  static Measurement once(
      Class<? extends Simulation> simulation, Server server, Map<String, String> settings) {
    Map<String, String> properties = new LinkedHashMap<>(settings);
    properties.put("quire.baseUrl", server.baseUrl());
    properties.put("quire.smoke", "true");
    long before = cpuTicks(server.pid());
    GatlingResult result = GatlingRun.run(simulation, properties, Path.of("target", "gatling"));
    long after = cpuTicks(server.pid());
    RequestStats all = result.report().all();
    return new Measurement(
        all.count(),
        all.ko(),
        all.requestsPerSecond(),
        (after - before) * 1000.0 / ticksPerSecond());
  }

  static String report(
      String simulation, List<Server> servers, List<List<Measurement>> table, int warmupRounds) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Server CPU per request, %s%n%n| round |", simulation));
    servers.forEach(s -> out.append(' ').append(s.label()).append(": ms per request (req/s) |"));
    out.append("\n|---|").append("---|".repeat(servers.size())).append('\n');
    for (int round = 0; round < table.size(); round++) {
      out.append("| ")
          .append(round + 1)
          .append(round < warmupRounds ? " (warm-up)" : "")
          .append(" |");
      for (Measurement m : table.get(round)) {
        out.append(
            String.format(
                Locale.ROOT,
                " %.3f (%,.0f)%s |",
                m.cpuMillisPerRequest(),
                m.requestsPerSecond(),
                m.failed() == 0 ? "" : ", " + m.failed() + " failed"));
      }
      out.append('\n');
    }
    out.append("| mean |");
    for (int column = 0; column < servers.size(); column++) {
      int c = column;
      List<Measurement> counted =
          table.subList(Math.min(warmupRounds, table.size()), table.size()).stream()
              .map(row -> row.get(c))
              .toList();
      double cpu =
          counted.stream()
              .mapToDouble(Measurement::cpuMillisPerRequest)
              .average()
              .orElse(Double.NaN);
      double rps =
          counted.stream().mapToDouble(Measurement::requestsPerSecond).average().orElse(Double.NaN);
      out.append(String.format(Locale.ROOT, " %.3f (%,.0f) |", cpu, rps));
    }
    return out.append('\n').toString();
  }

  /** User plus system CPU time of a process so far, in clock ticks ({@code /proc/PID/stat}). */
  static long cpuTicks(long pid) {
    try {
      return cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read /proc/" + pid + "/stat (Linux only): " + e, e);
    }
  }

  /**
   * From a {@code /proc/PID/stat} line: utime and stime, fields 14 and 15. The second field, the
   * command in parentheses, may itself hold spaces and parentheses, so fields are counted from the
   * last closing parenthesis (field 3 is the first after it).
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
    return Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
  }

  private static long ticksPerSecond() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return getconf.waitFor() == 0 ? Long.parseLong(out.trim()) : 100;
    } catch (IOException | NumberFormatException e) {
      return 100; // USER_HZ on every common Linux
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }
}

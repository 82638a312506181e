package io.quire.perf.harness;

import io.quire.perf.Mixed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory budget: the server holds the {@link Mixed} load for {@code --minutes} (10) with no
 * growth trend in its heap after GC. The server must run on this machine with {@code -Xmx512m};
 * {@code --pid} names it. Once a minute the soak forces a full collection in the server ({@code
 * jcmd PID GC.run}) and reads what survived ({@code GC.heap_info}): after a full collection the
 * heap holds only live objects, so these samples are the old generation's live set. A least-squares
 * line through them gives the trend; the budget is met when it grows by less than {@value
 * #MAX_GROWTH_MIB} MiB over the run and no request failed.
 *
 * <pre>
 * ./mvnw -o -q -pl perf test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.quire.perf.harness.MemorySoak \
 *     -Dexec.args="--pid 12345 --base-url http://127.0.0.1:18081 --minutes 10"
 * </pre>
 */
public final class MemorySoak {

  static final double MAX_GROWTH_MIB = 10;
  static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

  private MemorySoak() {}

  public static void main(String[] args) throws Exception {
    String pid = null;
    String baseUrl = "http://127.0.0.1:8080";
    int minutes = 10;
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--pid" -> pid = args[i + 1];
        case "--base-url" -> baseUrl = args[i + 1];
        case "--minutes" -> minutes = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (pid == null) {
      throw new IllegalArgumentException(
          "usage: MemorySoak --pid PID [--base-url URL] [--minutes N]");
    }
    System.exit(soak(pid, baseUrl, minutes));
  }

  static int soak(String pid, String baseUrl, int minutes) throws Exception {
    System.out.println(
        jcmd(pid, "VM.flags")
            .lines()
            .filter(l -> l.contains("MaxHeapSize"))
            .findFirst()
            .orElse(""));
    CompletableFuture<GatlingResult> load =
        CompletableFuture.supplyAsync(
            () ->
                GatlingRun.run(
                    Mixed.class,
                    Map.of(
                        "quire.baseUrl",
                        baseUrl,
                        "quire.ramp",
                        "5",
                        "quire.duration",
                        String.valueOf(minutes * 60)),
                    Path.of("target", "gatling")));
    List<double[]> samples = new ArrayList<>();
    long start = System.nanoTime();
    for (int minute = 1; minute <= minutes; minute++) {
      try {
        GatlingResult early =
            load.get(
                start + TimeUnit.MINUTES.toNanos(minute) - System.nanoTime(), TimeUnit.NANOSECONDS);
        throw new IllegalStateException(
            "the load ended after " + (minute - 1) + " minutes: " + early);
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        double used = liveMib(pid);
        samples.add(new double[] {minute, used});
        System.out.printf(Locale.ROOT, "minute %2d: %.1f MiB live after a full GC%n", minute, used);
      }
    }
    GatlingResult result = load.get();
    double slope = slope(samples);
    double growth = slope * (minutes - 1);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT, "Memory soak, Mixed for %d minutes against %s%n%n", minutes, baseUrl));
    report.append("| minute | live heap after full GC |\n|---|---|\n");
    samples.forEach(
        s -> report.append(String.format(Locale.ROOT, "| %.0f | %.1f MiB |%n", s[0], s[1])));
    report.append(
        String.format(
            Locale.ROOT,
            "%nTrend: %+.2f MiB/minute, %+.1f MiB over the run (budget: < %.0f MiB); Mixed: %s, %d requests, %d failed%n",
            slope,
            growth,
            MAX_GROWTH_MIB,
            result.statusCode() == 0 ? "budgets met" : "budgets BREACHED",
            result.report().all().count(),
            result.report().all().ko()));
    System.out.print(report);
    Files.createDirectories(RunReports.FOLDER);
    Files.writeString(RunReports.FOLDER.resolve("memory-soak.md"), report, StandardCharsets.UTF_8);
    boolean met = growth < MAX_GROWTH_MIB && result.report().all().ko() == 0;
    return met ? 0 : 1;
  }

  /** Forces a full collection in the server and answers the heap that is still used, in MiB. */
  static double liveMib(String pid) {
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher used = USED.matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap figures in jcmd GC.heap_info:\n" + info);
    }
    return Long.parseLong(used.group(2)) / 1024.0;
  }

  /** The least-squares slope of (x, y) samples. */
  static double slope(List<double[]> samples) {
    int n = samples.size();
    if (n < 2) {
      return 0;
    }
    double meanX = samples.stream().mapToDouble(s -> s[0]).average().orElse(0);
    double meanY = samples.stream().mapToDouble(s -> s[1]).average().orElse(0);
    double covariance = 0;
    double variance = 0;
    for (double[] s : samples) {
      covariance += (s[0] - meanX) * (s[1] - meanY);
      variance += (s[0] - meanX) * (s[0] - meanX);
    }
    return covariance / variance;
  }

  static String jcmd(String pid, String command) {
    try {
      Process process = new ProcessBuilder("jcmd", pid, command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("jcmd " + pid + " " + command + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run jcmd: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

package io.quire.perf.harness;

import io.quire.perf.StackFloor;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The stack floor's append and read, each measured by the {@link StackFloor} simulation under the
 * load profile of the simulation they will judge (the same {@code quire.users}, {@code quire.ramp}
 * and {@code quire.duration}), and the system properties that hand them to that simulation's
 * budgets ({@code io.quire.perf.Baselines}).
 */
record FloorMeasurement(GatlingReport.RequestStats append, GatlingReport.RequestStats read) {

  /**
   * Runs the floor append, then the floor read, against the floor at {@code floorUrl}; {@code load}
   * is the simulation's load profile.
   *
   * @throws IllegalStateException if a floor request failed: a floor that fails is no reference
   */
  static FloorMeasurement measure(String floorUrl, Map<String, String> load, Path results) {
    return new FloorMeasurement(
        run("append", StackFloor.APPEND, floorUrl, load, results),
        run("read", StackFloor.READ, floorUrl, load, results));
  }

  /** The same runs as a smoke run of {@code seconds}, to warm the floor's JIT; nothing kept. */
  static void warmUp(String floorUrl, Map<String, String> load, long seconds, Path results) {
    for (String mode : new String[] {"append", "read"}) {
      Map<String, String> warm = properties(mode, floorUrl, load);
      warm.putAll(Map.of("quire.smoke", "true", "quire.ramp", "0", "quire.duration", "" + seconds));
      GatlingRun.run(StackFloor.class, warm, results);
    }
  }

  private static GatlingReport.RequestStats run(
      String mode, String request, String floorUrl, Map<String, String> load, Path results) {
    System.out.printf("== the stack floor's %s (the budgets' reference)%n", mode);
    GatlingResult result =
        GatlingRun.run(StackFloor.class, properties(mode, floorUrl, load), results);
    GatlingReport.RequestStats stats = result.report().stats(request);
    if (!result.assertionsPassed() || stats.ko() > 0) {
      throw new IllegalStateException(
          "the stack floor's "
              + mode
              + " failed "
              + stats.ko()
              + " requests (status "
              + result.statusCode()
              + ", "
              + result.indexHtml()
              + "): not a reference");
    }
    return stats;
  }

  private static Map<String, String> properties(
      String mode, String floorUrl, Map<String, String> load) {
    Map<String, String> properties = new HashMap<>(load);
    properties.put("quire.baseUrl", floorUrl);
    properties.put("quire.floor", mode);
    return properties;
  }

  /** The floor request a simulation's request (or group path) compares with. */
  GatlingReport.RequestStats of(String request) {
    return comparesWithAppend(request) ? append : read;
  }

  /** Whether {@code request} (or the last name of a group path) is a write. */
  static boolean comparesWithAppend(String request) {
    int group = request.lastIndexOf(" / ");
    String last = group < 0 ? request : request.substring(group + " / ".length());
    return StackFloor.floorOf(last).equals(StackFloor.APPEND);
  }

  /** The figures as the simulations' budgets read them ({@code quire.baseline.*}). */
  Map<String, String> systemProperties() {
    return Map.of(
        "quire.baseline.floorAppendRps", String.valueOf(append.requestsPerSecond()),
        "quire.baseline.floorAppendP95Ms", String.valueOf(append.p95Millis()),
        "quire.baseline.floorReadRps", String.valueOf(read.requestsPerSecond()),
        "quire.baseline.floorReadP95Ms", String.valueOf(read.p95Millis()));
  }
}

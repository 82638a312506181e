package io.quire.perf.harness;

import io.gatling.javaapi.core.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What the harness classes share: simulations by name, and their reports' folder. */
final class RunReports {

  static final Path FOLDER = Path.of("target", "budget-runs");

  private RunReports() {}

  /** A simulation of {@code io.quire.perf} by its simple name, or any by its full name. */
  static Class<? extends Simulation> simulation(String name) throws ClassNotFoundException {
    return Class.forName(name.contains(".") ? name : "io.quire.perf." + name)
        .asSubclass(Simulation.class);
  }

  /**
   * Writes {@code text} to {@code <prefix>-<date-time>.md} in {@link #FOLDER}; answers the file.
   */
  static Path write(String prefix, String text) throws IOException {
    Files.createDirectories(FOLDER);
    Path file =
        FOLDER.resolve(
            prefix
                + "-"
                + LocalDateTime.now(ZoneId.systemDefault())
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + ".md");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}

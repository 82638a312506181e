package io.quire.perf.harness;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import io.gatling.app.Gatling$;
import io.gatling.core.action.builder.FeedBuilder$;
import io.gatling.javaapi.core.Simulation;
import io.quire.api.persistence.HandledUniqueViolations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Runs one Gatling simulation in this JVM, through Gatling's own entry point ({@code
 * io.gatling.app.Gatling.fromArgs}, what {@code gatling:test} runs in the JVM it forks), and
 * answers its exit status and report.
 *
 * <p>The simulations read their settings from system properties ({@code quire.baseUrl}, {@code
 * quire.users}, ...), so a run sets the given ones, and puts back what was there before when it
 * ends. Runs are one at a time per JVM (this class serialises them): system properties are global,
 * and so is part of Gatling's state.
 *
 * <p>Gatling is made for one run per JVM; two things have to be put right between runs:
 *
 * <ul>
 *   <li>Gatling keeps every feeder's actor in a JVM-wide map ({@code FeedBuilder.Instances}, keyed
 *       by the feeder's identity hash code) that it never empties. A simulation that keeps a feeder
 *       in a static field (as {@code ArticleReads} does) would, in the second run, feed from the
 *       first run's actor, whose actor system is gone: its users wait forever and the run ends at
 *       its max duration with no request. The map is emptied before every run.
 *   <li>Gatling stops Logback's {@code LoggerContext} at the end of every run, which would silence
 *       the application under test for the rest of the JVM; the run configures it again afterwards
 *       from the classpath ({@code logback-test.xml}), with the application's own filter of handled
 *       unique-key violations ({@code HandledUniqueViolations}).
 * </ul>
 */
public final class GatlingRun {

  private GatlingRun() {}

  /**
   * Runs {@code simulation} with these system properties set for the run (restored afterwards), its
   * report written under {@code resultsFolder}.
   *
   * @throws IllegalStateException if Gatling crashed (an exception in the simulation's constructor,
   *     say) or wrote no report
   */
  public static synchronized GatlingResult run(
      Class<? extends Simulation> simulation,
      Map<String, String> systemProperties,
      Path resultsFolder) {
    Path folder = resultsFolder.toAbsolutePath().normalize();
    String prefix = simulation.getSimpleName().toLowerCase(Locale.ROOT) + "-";
    createDirectories(folder);
    Set<Path> before = reportFolders(folder, prefix);
    Map<String, String> previous = setAll(systemProperties);
    forgetFeeders();
    int status;
    try {
      status = Gatling$.MODULE$.fromArgs(arguments(simulation, folder, systemProperties));
    } catch (Exception e) {
      throw new IllegalStateException(
          "Gatling crashed running " + simulation.getName() + " (see the output above): " + e, e);
    } finally {
      setAll(previous);
      restartLogging();
    }
    Path report =
        reportFolders(folder, prefix).stream()
            .filter(candidate -> !before.contains(candidate))
            .max(Comparator.comparing(Path::toString))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Gatling ran "
                            + simulation.getName()
                            + " (status "
                            + status
                            + ") but wrote no report folder "
                            + prefix
                            + "<timestamp> in "
                            + folder));
    return new GatlingResult(status, report, GatlingReport.read(report.resolve("index.html")));
  }

  /**
   * Gatling's command line: the simulation ({@code -s}), the results folder ({@code -rf}) and a
   * description for the report ({@code -rd}: the system properties of the run). Reports are on (no
   * {@code -nr}): the result is read from them.
   */
  static String[] arguments(
      Class<? extends Simulation> simulation, Path resultsFolder, Map<String, String> properties) {
    String description =
        properties.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(property -> property.getKey() + "=" + property.getValue())
            .collect(Collectors.joining(" "));
    return List.of(
            "-s", simulation.getName(),
            "-rf", resultsFolder.toString(),
            "-rd", description.isEmpty() ? simulation.getSimpleName() : description)
        .toArray(String[]::new);
  }

  /** Sets each property (a null value clears it); answers the values they had before. */
  private static Map<String, String> setAll(Map<String, String> properties) {
    Map<String, String> previous = new HashMap<>();
    properties.forEach(
        (name, value) -> {
          previous.put(name, System.getProperty(name));
          if (value == null) {
            System.clearProperty(name);
          } else {
            System.setProperty(name, value);
          }
        });
    return previous;
  }

  /**
   * Empties Gatling's JVM-wide map of feeder actors, left over from an earlier run (see the class
   * comment). A Gatling upgrade that renames it breaks this call at compile time.
   */
  private static void forgetFeeders() {
    FeedBuilder$.MODULE$.io$gatling$core$action$builder$FeedBuilder$$Instances().clear();
  }

  /** Configures Logback again from the classpath if Gatling stopped it. */
  private static void restartLogging() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
        && !context.isStarted()) {
      try {
        context.reset();
        new ContextInitializer(context).autoConfig();
        context.start();
        // The reset dropped what the application added to Logback at its start: put it back.
        HandledUniqueViolations.install();
      } catch (JoranException e) {
        System.err.println("GatlingRun: could not configure Logback again: " + e);
      }
    }
  }

  private static Set<Path> reportFolders(Path folder, String prefix) {
    try (Stream<Path> children = Files.list(folder)) {
      return children
          .filter(Files::isDirectory)
          .filter(child -> child.getFileName().toString().startsWith(prefix))
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  private static void createDirectories(Path folder) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + folder, e);
    }
  }
}

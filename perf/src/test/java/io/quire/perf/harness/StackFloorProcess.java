package io.quire.perf.harness;

import io.quire.perf.floor.StackFloorApplication;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The stack floor ({@link StackFloorApplication}) in a JVM of its own, started by {@link BudgetRun}
 * for one run and stopped with it. A child JVM, not the harness's own, so that the floor has what
 * the server under test has: its own heap ({@value #HEAP}, as the server is started with), its own
 * JIT and garbage collector, none of it shared with Gatling. It runs the harness's classpath and
 * makes its tables afresh in its own schema ({@code quire_floor}) of the server's database.
 *
 * <p>Ready when it logs Spring Boot's "Started" line (waited for, not polled); its output goes to
 * {@code target/budget-runs/stack-floor.log}.
 */
final class StackFloorProcess implements AutoCloseable {

  static final String HEAP = "-Xmx512m";
  private static final String STARTED = "Started " + StackFloorApplication.class.getSimpleName();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final Process process;
  private final String baseUrl;

  private StackFloorProcess(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /** Starts the floor on {@code port} against {@code database} and waits until it serves. */
  static StackFloorProcess start(int port, String host, int pgPort, String user, String database)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-cp");
    command.add(classpath());
    command.add(StackFloorApplication.class.getName());
    command.add("--server.port=" + port);
    command.add(
        "--spring.datasource.url=jdbc:postgresql://" + host + ":" + pgPort + "/" + database);
    command.add("--spring.datasource.username=" + user);
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      command.add("--spring.datasource.password=" + password);
    }
    // The test Logback configuration logs warnings only; the "Started" line is the signal.
    command.add("--logging.level." + StackFloorApplication.class.getName() + "=INFO");
    Files.createDirectories(RunReports.FOLDER);
    Path log = RunReports.FOLDER.resolve("stack-floor.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StackFloorProcess floor = new StackFloorProcess(process, "http://127.0.0.1:" + port);
    try {
      floor.copyOutputUntilStarted(log).get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      floor.close();
      throw new IllegalStateException("interrupted while the stack floor started", e);
    } catch (ExecutionException | TimeoutException e) {
      floor.close();
      throw new IllegalStateException(
          "the stack floor did not start (its output: " + log.toAbsolutePath() + "): " + e, e);
    }
    return floor;
  }

  String baseUrl() {
    return baseUrl;
  }

  /**
   * Copies the floor's output to {@code log} on a daemon thread, for as long as it runs; the answer
   * completes at the "Started" line, or fails if the output ends (the JVM exited) before it.
   */
  private CompletableFuture<Void> copyOutputUntilStarted(Path log) {
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread copier =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  PrintWriter out =
                      new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  out.println(line);
                  if (line.contains(STARTED)) {
                    started.complete(null);
                  }
                }
                started.completeExceptionally(
                    new IllegalStateException("it exited before it started"));
              } catch (IOException e) {
                started.completeExceptionally(e);
              }
            },
            "stack-floor-output");
    copier.setDaemon(true);
    copier.start();
    return started;
  }

  /**
   * The classpath of the test classes as the harness sees them: under {@code exec:java} the URLs of
   * the class loader that loaded this class (the test classpath is a class loader of Maven's; its
   * parents hold Maven's own jars, which the floor must not see), else {@code java.class.path}.
   */
  private static String classpath() {
    if (StackFloorProcess.class.getClassLoader() instanceof URLClassLoader loader) {
      Set<String> entries = new LinkedHashSet<>();
      for (URL url : loader.getURLs()) {
        entries.add(path(url));
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  private static String path(URL url) {
    try {
      return Path.of(url.toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("not a file on the classpath: " + url, e);
    }
  }

  /** Stops the floor's JVM (and only it), waiting for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

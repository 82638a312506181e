package io.quire.api.projections;

import static org.awaitility.Awaitility.await;

import io.quire.QuireApplication;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quire server in a JVM of its own on a given PostgreSQL database, so a test can kill it
 * (SIGKILL: nothing runs on the way out) in the middle of what it is doing.
 */
final class ChildQuire implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private final Process process;
  private final Path log;
  private final HttpApi api;

  private ChildQuire(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new HttpApi(port);
  }

  /** Starts a server on {@code database} (already migrated) with these settings. */
  static ChildQuire start(TestDatabase.Connection database, String... settings) throws IOException {
    Path log = Files.createTempFile("quire-child-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of("-Xmx384m", "-Xshare:off", "-cp", System.getProperty("java.class.path")));
    command.add(QuireApplication.class.getName());
    command.addAll(
        List.of(
            "--server.port=0",
            "--spring.profiles.active=integration-test",
            "--spring.flyway.enabled=false",
            "--spring.datasource.url=" + database.url(),
            "--spring.datasource.username=" + database.username(),
            "--spring.datasource.password=" + database.password(),
            "--spring.datasource.hikari.maximum-pool-size=4"));
    command.addAll(List.of(settings));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
    Process process = builder.start();
    try {
      int port =
          await("the server in " + log + " to start")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> startedPort(process, log), Optional::isPresent)
              .orElseThrow();
      return new ChildQuire(process, log, port);
    } catch (RuntimeException notStarted) {
      process.destroyForcibly();
      throw notStarted;
    }
  }

  private static Optional<Integer> startedPort(Process process, Path log) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the server stopped; see " + log);
    }
    Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
    return started.find() ? Optional.of(Integer.parseInt(started.group(1))) : Optional.empty();
  }

  HttpApi api() {
    return api;
  }

  /** What it logged so far. */
  String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** Kills it at once (SIGKILL) and waits until it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}

package io.quire.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quire.QuireApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Quire server in a JVM of its own, started with the test JVM's classpath, so a test can kill it
 * (SIGKILL: nothing runs on the way out) or stop it (SIGTERM) in the middle of what it does, and
 * read its log. The environment's {@code SPRING_*} settings are not passed on: the arguments say
 * which database it runs on.
 */
public final class ChildServer implements AutoCloseable {

  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  private final Process process;
  private final Path log;
  private final HttpApi api;

  private ChildServer(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.api = new HttpApi(port);
  }

  /** Starts a server with these Spring Boot arguments (on a free port), logging into a file. */
  public static ChildServer start(List<String> arguments) throws IOException {
    Path log = Files.createTempFile("quire-child-server-", ".log");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(
        List.of("-Xmx384m", "-Xshare:off", "-cp", System.getProperty("java.class.path")));
    command.add(QuireApplication.class.getName());
    command.add("--server.port=0");
    command.addAll(arguments);
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
      return new ChildServer(process, log, port);
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

  public HttpApi api() {
    return api;
  }

  /** What the server has logged so far. */
  public String log() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** SIGTERM, as an orchestrator stops it: Spring's graceful shutdown. */
  public void stop() throws InterruptedException {
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
  }

  /** SIGKILL, as a crash or the OOM killer would end it. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}

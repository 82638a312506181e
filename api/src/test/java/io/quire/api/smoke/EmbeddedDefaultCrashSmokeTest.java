package io.quire.api.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.QuireApplication;
import io.quire.api.testing.AccountJourney;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Users;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Nothing that answered is lost on the embedded default, even when the process dies at once: the
 * server runs in a process of its own, answers a registration and a token, and is killed (SIGKILL:
 * no shutdown, nothing flushed on the way out) as soon as the answers arrive. After a restart on
 * the same data folder, the token still works. H2's own default keeps commits in memory for up to
 * half a second (its {@code WRITE_DELAY}), which lost such writes; the data source URL turns that
 * off.
 */
class EmbeddedDefaultCrashSmokeTest {

  private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

  @Test
  @Timeout(300)
  void writesThatAnsweredSurviveTheServerBeingKilledAtOnce() throws Exception {
    Path data = Files.createTempDirectory("quire-crash-");
    String token;
    try (ChildServer first = ChildServer.start(data)) {
      JsonNode me =
          AccountJourney.registerGetATokenAndAskWhoIAm(first.api(), Users.aNewUsername("crash"));
      token = first.lastToken(me);
      first.kill();
    }
    try (ChildServer second = ChildServer.start(data)) {
      Response me = second.api().request("GET", "/api/v1/auth/me/").token(token).send();

      assertThat(me.status()).as(me.toString()).isEqualTo(200);
    }
  }

  @Test
  @Timeout(300)
  void aServerStoppedWhileExportsRunShutsDownCleanlyAndFinishesThemAfterARestart()
      throws Exception {
    Path data = Files.createTempDirectory("quire-stop-");
    String token;
    String slug = Orgs.aNewSlug("stop");
    List<String> exports = new ArrayList<>();
    try (ChildServer first = ChildServer.start(data)) {
      JsonNode me =
          AccountJourney.registerGetATokenAndAskWhoIAm(first.api(), Users.aNewUsername("stop"));
      token = first.lastToken(me);
      var admin = first.api().as(token);
      assertThat(admin.post("/api/v1/orgs/", Map.of("slug", slug, "name", "Stop")).status())
          .isEqualTo(201);
      for (int i = 0; i < 20; i++) {
        admin.post("/api/v1/orgs/" + slug + "/tasks/", Map.of("title", "Task " + i));
      }
      for (int i = 0; i < 10; i++) {
        Response requested =
            admin.post(
                "/api/v1/orgs/" + slug + "/exports/",
                Map.of("format", i % 2 == 0 ? "csv" : "json"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);
        exports.add(requested.json().get("id").asText());
      }
      first.stop();

      assertThat(first.log())
          .doesNotContain(" ERROR ", "already closed", "No handler was subscribed");
    }
    try (ChildServer second = ChildServer.start(data)) {
      var admin = second.api().as(token);
      for (String export : exports) {
        await("export " + export)
            .atMost(Duration.ofMinutes(1))
            .until(
                () ->
                    admin
                        .get("/api/v1/orgs/" + slug + "/exports/" + export + "/")
                        .json()
                        .get("status")
                        .asText(),
                "done"::equals);
      }
    }
  }

  /** A Quire server in a JVM of its own, on the embedded default in {@code data}. */
  private static final class ChildServer implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final HttpApi api;

    private ChildServer(Process process, Path log, int port) {
      this.process = process;
      this.log = log;
      this.api = new HttpApi(port);
    }

    static ChildServer start(Path data) throws IOException {
      Path log = Files.createTempFile(data.getParent(), "quire-crash-server-", ".log");
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(
          List.of("-Xmx384m", "-Xshare:off", "-cp", System.getProperty("java.class.path")));
      command.add(QuireApplication.class.getName());
      command.addAll(
          List.of(
              "--server.port=0",
              "--quire.data-dir=" + data,
              "--quire.accounts.password-hash-iterations=1000"));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      // The embedded default: whatever database this test JVM was pointed at is not the child's.
      builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_"));
      Process process = builder.start();
      int port =
          await("the server in " + log + " to start")
              .atMost(Duration.ofMinutes(2))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> startedPort(process, log), Optional::isPresent)
              .orElseThrow();
      return new ChildServer(process, log, port);
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

    /** A fresh token of the account {@code me} describes, as a client would sign in again. */
    String lastToken(JsonNode me) {
      Response token =
          api.post(
              "/api/v1/auth/token/",
              Map.of("username", me.get("username").asText(), "password", "correct-horse"));
      assertThat(token.status()).as(token.toString()).isEqualTo(200);
      return token.json().get("token").asText();
    }

    /** What the server has logged so far. */
    String log() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** SIGTERM, as an orchestrator stops it: Spring's graceful shutdown. */
    void stop() throws InterruptedException {
      process.destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGKILL, as a crash or the OOM killer would end it. */
    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
      kill();
    }
  }
}

package io.quire.perf.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.perf.seed.QuireClient;
import io.quire.perf.seed.SeededOrg;
import io.quire.perf.seed.SeededUser;
import io.quire.perf.seed.TaskDataset;
import io.quire.perf.seed.TaskSeeder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;

/**
 * Measures one export of a big org: seeds one org with {@code --tasks} tasks through the HTTP API
 * ({@link TaskSeeder}; restartable, so a second run seeds nothing), requests an export, polls its
 * detail until it is {@code done}, downloads the file, and prints the times and the server's heap.
 *
 * <p>The heap comes from {@code jcmd <pid> GC.heap_info} (the server runs on this machine): the
 * live heap after a forced full GC before the export, the largest used heap sampled every 100 ms
 * from the request until {@code done} (an upper bound of what the export needed, garbage included),
 * and the live heap after a full GC at the end.
 *
 * <pre>
 * perf/run ExportRun --base-url http://127.0.0.1:18081 --pid 12345 --tasks 100000 --format csv
 * </pre>
 *
 * Options: {@code --base-url} (default {@code http://127.0.0.1:8080}), {@code --pid} (the server's
 * process id; without it, no heap figures), {@code --tasks} (100000), {@code --users} (20), {@code
 * --format} ({@code csv} or {@code json}), {@code --threads} (8), {@code --seed} (20261201), {@code
 * --idle-seconds} (5: how long the heap is sampled while the server idles, for comparison).
 */
public final class ExportRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ExportRun() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    URI base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
    String pid = options.get("pid");
    int tasks = Integer.parseInt(options.getOrDefault("tasks", "100000"));
    int users = Integer.parseInt(options.getOrDefault("users", "20"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261201"));
    String format = options.getOrDefault("format", "csv");
    int idleSeconds = Integer.parseInt(options.getOrDefault("idle-seconds", "5"));

    TaskSeeder.seed(base, 1, users, tasks, threads, seed);
    SeededOrg org = TaskDataset.derive(seed, 1, users).orgs().get(0);
    SeededUser admin = org.admins().get(0);
    String token = new QuireClient(base).token(admin.username(), admin.password());
    HttpClient http = HttpClient.newHttpClient();

    double liveBefore = pid == null ? Double.NaN : MemorySoak.liveMib(pid);
    // The same sampling while the server idles: young-generation garbage alone reaches this much.
    // The stretch lasts until the sampler has taken its samples (one every 100 ms).
    HeapSampler idle = new HeapSampler(pid);
    await()
        .atMost(Duration.ofSeconds(idleSeconds + 60L))
        .until(() -> pid == null || idle.samples() >= idleSeconds * 10L);
    idle.stop();
    if (pid != null) {
      MemorySoak.liveMib(pid); // a full GC, so both stretches start from the same heap
    }
    HeapSampler sampler = new HeapSampler(pid);

    long start = System.nanoTime();
    HttpResponse<String> requested =
        http.send(
            request(base, "/api/v1/orgs/" + org.slug() + "/exports/", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"format\": \"" + format + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    long requestedAt = System.nanoTime();
    if (requested.statusCode() != 202) {
      throw new IllegalStateException(
          "request: " + requested.statusCode() + " " + requested.body());
    }
    String detail = requested.headers().firstValue("Location").orElseThrow();
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              last.set(
                  JSON.readTree(
                      http.send(
                              request(base, detail, token).GET().build(),
                              HttpResponse.BodyHandlers.ofString())
                          .body()));
              return !last.get().path("status").asText().matches("pending|running");
            });
    JsonNode export = last.get();
    long doneAt = System.nanoTime();
    sampler.stop();
    if (!export.path("status").asText().equals("done")) {
      throw new IllegalStateException("the export did not finish: " + export);
    }
    String download = URI.create(export.path("download_url").asText()).getPath();
    long bytes;
    try (InputStream in =
        http.send(
                request(base, download, token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream())
            .body()) {
      bytes = in.transferTo(OutputStream.nullOutputStream());
    }
    long downloadedAt = System.nanoTime();
    double liveAfter = pid == null ? Double.NaN : MemorySoak.liveMib(pid);

    System.out.printf(
        Locale.ROOT,
        "Export of %,d tasks (%s, %,d bytes):%n"
            + "  request (snapshot) to 202  %,9.0f ms%n"
            + "  request to done            %,9.0f ms%n"
            + "  download                   %,9.0f ms%n"
            + "  live heap before           %9.1f MiB%n"
            + "  peak used heap, idle %2ds   %9.1f MiB%n"
            + "  peak used heap until done  %9.1f MiB%n"
            + "  live heap after            %9.1f MiB%n",
        export.path("row_count").asLong(),
        format,
        bytes,
        (requestedAt - start) / 1e6,
        (doneAt - start) / 1e6,
        (downloadedAt - doneAt) / 1e6,
        liveBefore,
        idleSeconds,
        idle.peakKib() / 1024.0,
        sampler.peakKib() / 1024.0,
        liveAfter);
  }

  private static HttpRequest.Builder request(URI base, String path, String token) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofMinutes(5))
        .header("Authorization", "Token " + token);
  }

  /** Samples the server's used heap every 100 ms, keeping the largest, until stopped. */
  private static final class HeapSampler {
    private final AtomicLong peakKib = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "heap-sampler"));

    HeapSampler(String pid) {
      if (pid != null) {
        timer.scheduleAtFixedRate(() -> sample(pid), 0, 100, TimeUnit.MILLISECONDS);
      }
    }

    private void sample(String pid) {
      Matcher used = MemorySoak.USED.matcher(MemorySoak.jcmd(pid, "GC.heap_info"));
      if (used.find()) {
        peakKib.accumulateAndGet(Long.parseLong(used.group(2)), Math::max);
      }
      samples.incrementAndGet();
    }

    long samples() {
      return samples.get();
    }

    long peakKib() {
      return peakKib.get();
    }

    void stop() throws InterruptedException {
      timer.shutdown();
      timer.awaitTermination(10, TimeUnit.SECONDS);
    }
  }
}

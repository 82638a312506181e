package io.quire.perf.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rebuild measurement (docs/performance.md, <i>Rebuilding a read model</i>): prepares an event
 * store of task aggregates by SQL, then measures a plain JDBC keyset scan of it (the reference), a
 * rebuild of the {@code tasks} read model through the admin API, and the API's read and write p95
 * with and without a rebuild running.
 *
 * <pre>
 * psql -h 127.0.0.1 -U postgres -c 'CREATE DATABASE quire_1m'
 * SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/quire_1m SPRING_DATASOURCE_USERNAME=postgres \
 *   SERVER_PORT=18081 java -Xmx512m -jar /tmp/quire-rebuild.jar &amp;     # migrates the database
 * perf/run RebuildRun fill    --database quire_1m --base-url http://127.0.0.1:18081
 * perf/run RebuildRun scan    --database quire_1m
 * perf/run RebuildRun rebuild --database quire_1m --base-url http://127.0.0.1:18081
 * perf/run RebuildRun load    --database quire_1m --base-url http://127.0.0.1:18081 --seconds 60
 * </pre>
 *
 * <p><b>fill</b> (on a freshly migrated database, with a server running on it): {@code --tasks}
 * task aggregates (200,000; a multiple of 1,000) of one {@code TaskCreatedEvent} and {@code
 * --retitles} (4) {@code TaskRetitledEvent}s each, spread over {@code --orgs} (100) orgs in turn;
 * the events interleaved a block of 1,000 tasks at a time (their creations, then their first
 * retitles, ...), so each aggregate's events are in sequence order and aggregates mix as live
 * writes mix them. Payloads and metadata are the JSON Axon's Jackson serializer stores (the shape
 * of rows the application wrote), each event gets its {@code audit_event} row, and the orgs their
 * {@code org_view} rows and the tasks their {@code task_view} rows (task counts and list versions
 * by the table's own triggers) as the projections would have written them. Then the server's
 * stamper gives the events their positions and seals; the fill waits for it through {@code GET
 * /api/v1/admin/events/head/} and vacuums {@code audit_event}. Everything is deterministic
 * (identifiers from {@code md5} of the task and event numbers).
 *
 * <p><b>scan</b>: the events read in global-index order with a plain JDBC keyset query, pages of
 * 10,000, every column fetched, {@code --rounds} (3) times: the reference rate.
 *
 * <p><b>rebuild</b>: {@code POST /api/v1/admin/projections/tasks/rebuild/} as a staff user, the
 * status polled every second until it serves again; events/s from the request to the cut-over.
 *
 * <p><b>load</b>: {@code --clients} (8) closed-model clients, each a member of an org of its own
 * made through the API, repeating: create a task, retitle it, read it, read the org's task list.
 * First {@code --seconds} without a rebuild, then while a rebuild of {@code tasks} runs (the load
 * stops when it is done, or after {@code --seconds}, whichever comes later is cut at the rebuild's
 * end); p50, p95 and p99 of reads and writes for each. A failed request fails the run.
 */
public final class RebuildRun {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "rebuild-run-correct-horse";

  private final Map<String, String> options;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private RebuildRun(Map<String, String> options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "usage: RebuildRun fill|scan|rebuild|load [--database D] [--base-url U] [--tasks N]"
              + " [--orgs N] [--retitles N] [--rounds N] [--clients N] [--seconds N]");
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    RebuildRun run = new RebuildRun(options);
    switch (args[0]) {
      case "fill" -> run.fill();
      case "scan" -> run.scan();
      case "rebuild" -> run.rebuild();
      case "load" -> run.load();
      default -> throw new IllegalArgumentException("unknown step " + args[0]);
    }
  }

  private String option(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  private int number(String name, int otherwise) {
    return Integer.parseInt(option(name, Integer.toString(otherwise)));
  }

  private Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + option("pg-host", "127.0.0.1")
            + ":"
            + option("pg-port", "5432")
            + "/"
            + option("database", "quire_1m"),
        option("pg-user", "postgres"),
        "");
  }

  // ---------------------------------------------------------------------------------------------
  // fill

  private static final String KERNEL = "io.quire.kernel.tasks.";

  private void fill() throws Exception {
    int tasks = number("tasks", 200_000);
    int orgs = number("orgs", 100);
    int retitles = number("retitles", 4);
    if (tasks % 1000 != 0) {
      throw new IllegalArgumentException("--tasks must be a multiple of 1000");
    }
    int perTask = 1 + retitles;
    long events = (long) tasks * perTask;
    long started = System.nanoTime();
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      db.setAutoCommit(false);
      long existing = single(sql, "SELECT count(*) FROM domain_event_entry");
      long base = single(sql, "SELECT coalesce(max(global_index), 0) FROM domain_event_entry");
      System.out.printf(
          "Filling %s: %,d tasks, %,d events after the %,d events there%n",
          option("database", "quire_1m"), tasks, events, existing);
      // The org and task numbers as identifiers, the same every time.
      sql.execute(
          "CREATE TEMP TABLE bench_org AS SELECT o AS n,"
              + " md5('quire-bench-org-' || o)::uuid AS org_id,"
              + " md5('quire-bench-user-' || o)::uuid AS user_id"
              + " FROM generate_series(0, "
              + (orgs - 1)
              + ") o");
      sql.execute(
          "INSERT INTO org_view (org_id, slug, name, created_at, member_count, version)"
              + " SELECT org_id, 'bench-org-' || lpad(n::text, 3, '0'),"
              + " 'Bench org ' || lpad(n::text, 3, '0'), timestamptz '2026-01-01 00:00:00+00', 1, 1"
              + " FROM bench_org");
      // Event k: block b = k / (1000 * perTask), sequence s, task t = 1000 * b + k % 1000.
      sql.execute(
          "CREATE TEMP TABLE bench_event AS SELECT e.k, e.s, e.t,"
              + " md5('quire-bench-task-' || e.t)::uuid::text AS task_id,"
              + " o.org_id::text AS org_id, o.user_id::text AS user_id, e.at,"
              + " to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS')"
              + " || CASE WHEN to_char(e.at AT TIME ZONE 'UTC', 'MS') = '000' THEN ''"
              + " ELSE '.' || to_char(e.at AT TIME ZONE 'UTC', 'MS') END || 'Z' AS iso,"
              + " 'Bench task ' || e.t || ' draft ' || e.s || ' of the quarterly harbour plan'"
              + " AS title"
              + " FROM (SELECT k, (k % "
              + (1000 * perTask)
              + ") / 1000 AS s, 1000 * (k / "
              + (1000 * perTask)
              + ") + k % 1000 AS t,"
              + " timestamptz '2026-02-01 00:00:00+00' + k * interval '1 millisecond' AS at"
              + " FROM generate_series(0, "
              + (events - 1)
              + ") k) e JOIN bench_org o ON o.n = e.t % "
              + orgs);
      sql.execute("ANALYZE bench_event");
      // The JSON Axon's Jackson serializer writes for these events (field order, null fields,
      // Instant as ISO-8601 with only the digits it needs), and the metadata of a request.
      String created =
          "'{\"taskId\":\"' || task_id || '\",\"orgId\":\"' || org_id || '\",\"title\":\"'"
              + " || title || '\",\"description\":\"' || "
              + DESCRIPTION
              + " || '\",\"assignedTo\":\"' || user_id || '\",\"dueDate\":null,"
              + "\"createdBy\":\"' || user_id || '\",\"createdAt\":\"' || iso || '\"}'";
      String retitled =
          "'{\"taskId\":\"' || task_id || '\",\"orgId\":\"' || org_id || '\",\"title\":\"'"
              + " || title || '\",\"actor\":\"' || user_id || '\",\"occurredAt\":\"' || iso"
              + " || '\"}'";
      String metadata =
          "'{\"traceId\":\"' || md5('quire-bench-trace-' || k)::uuid || '\",\"correlationId\":\"'"
              + " || md5('quire-bench-trace-' || k)::uuid || '\",\"requestId\":\"'"
              + " || md5('quire-bench-request-' || k)::uuid || '\"}'";
      sql.execute(
          "INSERT INTO domain_event_entry (global_index, event_identifier, type,"
              + " aggregate_identifier, sequence_number, payload_type, payload_revision, payload,"
              + " meta_data, time_stamp)"
              + " SELECT "
              + base
              + " + 1 + k, md5('quire-bench-event-' || k)::uuid::text, 'Task', task_id, s,"
              + " CASE WHEN s = 0 THEN '"
              + KERNEL
              + "TaskCreatedEvent' ELSE '"
              + KERNEL
              + "TaskRetitledEvent' END, '1',"
              + " convert_to(CASE WHEN s = 0 THEN "
              + created
              + " ELSE "
              + retitled
              + " END, 'UTF8'), convert_to("
              + metadata
              + ", 'UTF8'),"
              + " to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')"
              + " FROM bench_event ORDER BY k");
      sql.execute(
          "INSERT INTO audit_event (global_index, org_id, type, occurred_at)"
              + " SELECT "
              + base
              + " + 1 + k, org_id::uuid,"
              + " CASE WHEN s = 0 THEN 'task.created' ELSE 'task.retitled' END, at"
              + " FROM bench_event ORDER BY k");
      // task_view as TaskProjection leaves it (from each task's last event: its creation is
      // retitles * 1000 events, so as many milliseconds, before). Its trigger would keep
      // task_counts and the list versions row by row, and in one transaction that is quadratic
      // (every update of an org's row walks the versions this transaction left before it): they
      // are computed as the trigger would have left them instead, one bump per task inserted.
      sql.execute("ALTER TABLE task_view DISABLE TRIGGER USER");
      sql.execute(
          "INSERT INTO task_view (task_id, org_id, title, description, status, created_by,"
              + " assigned_to, due_date, created_at, updated_at, version)"
              + " SELECT task_id::uuid, org_id::uuid, title, "
              + DESCRIPTION
              + ", 'todo', user_id::uuid, user_id::uuid, NULL, at - interval '"
              + retitles * 1000
              + " milliseconds', at, s + 1 FROM bench_event WHERE s = "
              + retitles
              + " ORDER BY k");
      sql.execute("ALTER TABLE task_view ENABLE TRIGGER USER");
      sql.execute(
          "INSERT INTO task_counts (org_id, status, tasks)"
              + " SELECT org_id::uuid, 'todo', count(*) FROM bench_event WHERE s = 0"
              + " GROUP BY org_id ON CONFLICT (org_id, status)"
              + " DO UPDATE SET tasks = task_counts.tasks + EXCLUDED.tasks");
      sql.execute(
          "INSERT INTO task_list_versions (org_id, version)"
              + " SELECT org_id::uuid, count(*) FROM bench_event WHERE s = 0"
              + " GROUP BY org_id ON CONFLICT (org_id)"
              + " DO UPDATE SET version = task_list_versions.version + EXCLUDED.version");
      sql.execute(
          "SELECT setval('domain_event_entry_seq', (SELECT max(global_index) FROM"
              + " domain_event_entry))");
      db.commit();
    }
    System.out.printf("Inserted in %.1f s%n", (System.nanoTime() - started) / 1e9);
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      sql.execute("ANALYZE");
    }
    String token = staffToken();
    long stampStart = System.nanoTime();
    long total;
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      total = single(sql, "SELECT count(*) FROM audit_event");
    }
    while (true) {
      JsonNode head = get("/api/v1/admin/events/head/", token);
      long position = head.path("position").asLong();
      System.out.printf("head at position %,d of %,d%n", position, total);
      if (position >= total) {
        break;
      }
    }
    System.out.printf(
        "Stamped %,d events in %.1f s%n", total, (System.nanoTime() - stampStart) / 1e9);
    try (Connection db = database();
        Statement sql = db.createStatement()) {
      sql.execute("VACUUM (ANALYZE) audit_event");
      sql.execute("VACUUM (ANALYZE) domain_event_entry");
      sql.execute("VACUUM (ANALYZE) task_view");
    }
    System.out.printf("Filled in %.1f s in all%n", (System.nanoTime() - started) / 1e9);
  }

  /** A task's description (SQL of its number {@code t}). */
  private static final String DESCRIPTION =
      "'Task ' || t || ': gather the harbour figures, check them against last quarter and write"
          + " the summary the board asked for before the review'";

  // ---------------------------------------------------------------------------------------------
  // scan

  private void scan() throws SQLException {
    int rounds = number("rounds", 3);
    int page = number("page", 10_000);
    for (int round = 1; round <= rounds; round++) {
      long started = System.nanoTime();
      long read = 0;
      long bytes = 0;
      try (Connection db = database()) {
        db.setAutoCommit(false);
        try (PreparedStatement select =
            db.prepareStatement(
                "SELECT global_index, event_identifier, type, aggregate_identifier,"
                    + " sequence_number, payload_type, payload_revision, payload, meta_data,"
                    + " time_stamp FROM domain_event_entry WHERE global_index > ?"
                    + " ORDER BY global_index LIMIT ?")) {
          select.setFetchSize(page);
          long after = 0;
          while (true) {
            select.setLong(1, after);
            select.setInt(2, page);
            int rows = 0;
            try (ResultSet row = select.executeQuery()) {
              while (row.next()) {
                after = row.getLong(1);
                row.getString(2);
                row.getString(3);
                row.getString(4);
                row.getLong(5);
                row.getString(6);
                row.getString(7);
                bytes += row.getBytes(8).length + row.getBytes(9).length;
                row.getString(10);
                rows++;
              }
            }
            read += rows;
            if (rows < page) {
              break;
            }
          }
        }
        db.commit();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "keyset scan %d: %,d events (%,d MB of payload and metadata) in %.2f s: %,.0f events/s%n",
          round,
          read,
          bytes >> 20,
          seconds,
          read / seconds);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // rebuild

  private void rebuild() throws Exception {
    String token = staffToken();
    Result result = rebuildOnce(token, null);
    System.out.println(result.line());
  }

  private record Result(
      long position, double seconds, double lastReportedRate, List<String> samples) {
    String line() {
      return String.format(
          Locale.ROOT,
          "rebuild of tasks: %,d events in %.1f s from the request to the cut-over: %,.0f events/s"
              + " (status endpoint's last rate %,.0f events/s)",
          position,
          seconds,
          position / seconds,
          lastReportedRate);
    }
  }

  /** Starts a rebuild of tasks and waits for it to serve again; {@code done} is set at its end. */
  private Result rebuildOnce(String token, AtomicBoolean done) throws Exception {
    JsonNode before = get("/api/v1/admin/projections/tasks/", token);
    String rebuiltBefore = before.path("rebuilt_at").asText("");
    long started = System.nanoTime();
    HttpResponse<String> answer =
        send("POST", "/api/v1/admin/projections/tasks/rebuild/", token, null);
    if (answer.statusCode() / 100 != 2) {
      throw new IllegalStateException("rebuild: " + answer.statusCode() + " " + answer.body());
    }
    double[] rate = {0};
    List<String> samples = new ArrayList<>();
    long[] lastSample = {0};
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await("the rebuild of tasks")
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              JsonNode status = get("/api/v1/admin/projections/tasks/", token);
              last.set(status);
              String state = status.path("status").asText();
              if (status.path("replay").has("events_per_second")) {
                rate[0] = status.path("replay").path("events_per_second").asDouble();
              }
              long now = System.nanoTime();
              if (now - lastSample[0] > 10_000_000_000L) {
                lastSample[0] = now;
                samples.add(
                    String.format(
                        Locale.ROOT,
                        "%5.0f s: %s, position %,d of %,d, %,.0f events/s, ETA %s s",
                        (now - started) / 1e9,
                        state,
                        status.path("position").asLong(),
                        status.path("head").asLong(),
                        rate[0],
                        status.path("replay").path("eta_seconds").asText("?")));
                System.out.println(samples.get(samples.size() - 1));
              }
              if ("error".equals(state) || "stopped".equals(state)) {
                throw new IllegalStateException("the rebuild stopped: " + status);
              }
              return "running".equals(state)
                  && !rebuiltBefore.equals(status.path("rebuilt_at").asText(""));
            });
    double seconds = (System.nanoTime() - started) / 1e9;
    if (done != null) {
      done.set(true);
    }
    return new Result(last.get().path("head").asLong(), seconds, rate[0], samples);
  }

  // ---------------------------------------------------------------------------------------------
  // load

  private void load() throws Exception {
    int clients = number("clients", 8);
    int seconds = number("seconds", 60);
    String staff = staffToken();
    List<String[]> members = new ArrayList<>();
    String tag = UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < clients; i++) {
      String name = "load-" + tag + "-" + i;
      register(name);
      String token = token(name);
      String slug = "load-" + tag + "-" + i;
      HttpResponse<String> org =
          send("POST", "/api/v1/orgs/", token, Map.of("slug", slug, "name", "Load org " + i));
      expect(org, 201, "create org");
      members.add(new String[] {token, slug});
    }
    System.out.println("warm-up, 15 s");
    closedLoad(members, Duration.ofSeconds(15), null);
    Latencies without = closedLoad(members, Duration.ofSeconds(seconds), null);
    System.out.println("without a rebuild: " + without);
    AtomicBoolean done = new AtomicBoolean();
    Result[] rebuild = new Result[1];
    Exception[] failure = new Exception[1];
    Thread rebuilder =
        new Thread(
            () -> {
              try {
                rebuild[0] = rebuildOnce(staff, done);
              } catch (Exception e) {
                failure[0] = e;
                done.set(true);
              }
            });
    rebuilder.start();
    Latencies with = closedLoad(members, null, done);
    rebuilder.join();
    if (failure[0] != null) {
      throw failure[0];
    }
    System.out.println("during a rebuild:  " + with);
    System.out.println(rebuild[0].line());
  }

  /** Latencies in microseconds of one kind of request. */
  private static final class Latencies {
    final ConcurrentLinkedQueue<Long> reads = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<Long> writes = new ConcurrentLinkedQueue<>();
    final AtomicLong failed = new AtomicLong();
    double seconds;

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%.0f s; reads %,d (%.0f/s) p50 %s p95 %s p99 %s ms; writes %,d (%.0f/s) p50 %s p95 %s"
              + " p99 %s ms; failed %d",
          seconds,
          reads.size(),
          reads.size() / seconds,
          percentile(reads, 50),
          percentile(reads, 95),
          percentile(reads, 99),
          writes.size(),
          writes.size() / seconds,
          percentile(writes, 50),
          percentile(writes, 95),
          percentile(writes, 99),
          failed.get());
    }

    private static String percentile(ConcurrentLinkedQueue<Long> micros, int p) {
      long[] all = micros.stream().mapToLong(Long::longValue).sorted().toArray();
      if (all.length == 0) {
        return "-";
      }
      long at = all[Math.min(all.length - 1, (int) Math.ceil(p / 100.0 * all.length) - 1)];
      return String.format(Locale.ROOT, "%.1f", at / 1000.0);
    }
  }

  private Latencies closedLoad(List<String[]> members, Duration length, AtomicBoolean until)
      throws InterruptedException {
    Latencies latencies = new Latencies();
    long started = System.nanoTime();
    long end = length == null ? Long.MAX_VALUE : started + length.toNanos();
    CountDownLatch finished = new CountDownLatch(members.size());
    for (String[] member : members) {
      Thread client =
          new Thread(
              () -> {
                try {
                  int n = 0;
                  while (System.nanoTime() < end && (until == null || !until.get())) {
                    String token = member[0];
                    String tasks = "/api/v1/orgs/" + member[1] + "/tasks/";
                    long t0 = System.nanoTime();
                    HttpResponse<String> created =
                        send("POST", tasks, token, Map.of("title", "Load task " + n++));
                    long t1 = System.nanoTime();
                    record(latencies, latencies.writes, created, 201, t1 - t0);
                    String id = JSON.readTree(created.body()).path("id").asText();
                    HttpResponse<String> retitled =
                        send("PATCH", tasks + id + "/", token, Map.of("title", "Retitled " + n));
                    long t2 = System.nanoTime();
                    record(latencies, latencies.writes, retitled, 200, t2 - t1);
                    HttpResponse<String> detail = send("GET", tasks + id + "/", token, null);
                    long t3 = System.nanoTime();
                    record(latencies, latencies.reads, detail, 200, t3 - t2);
                    HttpResponse<String> list = send("GET", tasks + "?page_size=20", token, null);
                    long t4 = System.nanoTime();
                    record(latencies, latencies.reads, list, 200, t4 - t3);
                  }
                } catch (Exception e) {
                  latencies.failed.incrementAndGet();
                  System.err.println("client failed: " + e);
                } finally {
                  finished.countDown();
                }
              });
      client.start();
    }
    finished.await();
    latencies.seconds = (System.nanoTime() - started) / 1e9;
    if (latencies.failed.get() > 0) {
      throw new IllegalStateException(latencies.failed.get() + " requests failed: " + latencies);
    }
    return latencies;
  }

  private static void record(
      Latencies latencies,
      ConcurrentLinkedQueue<Long> into,
      HttpResponse<String> answer,
      int expected,
      long nanos) {
    if (answer.statusCode() != expected) {
      latencies.failed.incrementAndGet();
      System.err.println(
          "unexpected " + answer.statusCode() + " " + answer.uri() + ": " + answer.body());
      return;
    }
    into.add(nanos / 1000);
  }

  // ---------------------------------------------------------------------------------------------
  // HTTP

  /** A new user made staff by SQL before its first sign-in; answers its token. */
  private String staffToken() throws Exception {
    String name = "rebuild-staff-" + UUID.randomUUID().toString().substring(0, 8);
    register(name);
    try (Connection db = database();
        PreparedStatement staff =
            db.prepareStatement("UPDATE accounts SET staff = true WHERE username = ?")) {
      staff.setString(1, name);
      if (staff.executeUpdate() != 1) {
        throw new IllegalStateException("no account " + name);
      }
    }
    return token(name);
  }

  private void register(String name) throws Exception {
    expect(
        send(
            "POST",
            "/api/v1/auth/register/",
            null,
            Map.of("username", name, "email", name + "@bench.example.com", "password", PASSWORD)),
        201,
        "register " + name);
  }

  private String token(String name) throws Exception {
    HttpResponse<String> answer =
        send("POST", "/api/v1/auth/token/", null, Map.of("username", name, "password", PASSWORD));
    expect(answer, 200, "sign in");
    return JSON.readTree(answer.body()).path("token").asText();
  }

  private JsonNode get(String path, String token) throws Exception {
    HttpResponse<String> answer = send("GET", path, token, null);
    expect(answer, 200, "GET " + path);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> send(String method, String path, String token, Object body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(option("base-url", "http://127.0.0.1:18081") + path))
            .timeout(Duration.ofMinutes(10))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          what + ": " + answer.statusCode() + " " + answer.body() + " (expected " + status + ")");
    }
  }

  private static long single(Statement sql, String query) throws SQLException {
    try (ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }

  @SuppressWarnings("unused")
  private static String list(Object... values) {
    return Arrays.toString(values);
  }

  @SuppressWarnings("unused")
  private static Instant now() {
    return Instant.now();
  }
}

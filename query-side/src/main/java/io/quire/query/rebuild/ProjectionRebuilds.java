package io.quire.query.rebuild;

import io.quire.query.rebuild.ProjectionStatus.LastError;
import io.quire.query.rebuild.ProjectionStatus.Replay;
import io.quire.query.sql.SqlDialect;
import io.quire.query.stream.EventStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models' states, and their rebuilds from the event store in the background while the API
 * goes on answering reads and writes (see {@link Rebuild} for how one runs and cuts over).
 *
 * <p>Every server on the database sees the same state: it is kept in {@code projection_rebuild}.
 * One rebuild per read model runs at a time, on whichever server was asked; that server renews its
 * claim every {@code quire.projections.rebuild.watch} and, when it stops (or dies), any server
 * takes the rebuild over from the last position it recorded once the claim has run out ({@code
 * quire.projections.rebuild.lease}). A half-built copy never serves: it lives in a schema of its
 * own until the cut-over swaps it in.
 *
 * <p>Rebuilds need PostgreSQL (transactional DDL makes the cut-over atomic). On the embedded H2
 * database every read model is listed as not rebuildable, with that reason.
 */
@Component
public class ProjectionRebuilds implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuilds.class);

  static final String NOT_ON_H2 =
      "Rebuilds need PostgreSQL: the cut-over swaps the new copy in with transactional DDL,"
          + " which the embedded H2 database does not have. Point SPRING_DATASOURCE_URL at"
          + " PostgreSQL to rebuild.";

  private final DataSource dataSource;
  private final EventStream stream;
  private final ReadModelCatalogue catalogue;
  private final ObjectProvider<Configuration> axon;
  private final RebuildSettings settings;
  private final RebuildRecords records;
  private final String owner = "server-" + UUID.randomUUID();
  private final Map<String, Boolean> runningHere = new ConcurrentHashMap<>();
  private volatile boolean postgres;
  private volatile String liveSchema;
  private volatile ExecutorService workers;
  private volatile ScheduledExecutorService watcher;
  private volatile boolean stopping;
  private volatile boolean running;

  public ProjectionRebuilds(
      DataSource dataSource,
      EventStream stream,
      ReadModelCatalogue catalogue,
      ObjectProvider<Configuration> axon,
      @Value("${quire.projections.rebuild.batch:5000}") int batch,
      @Value("${quire.projections.rebuild.pause:0ms}") Duration pause,
      @Value("${quire.projections.rebuild.lease:30s}") Duration lease,
      @Value("${quire.projections.rebuild.watch:2s}") Duration watch,
      @Value("${quire.projections.rebuild.cut-over-within:1000}") int cutOverWithin,
      @Value("${quire.projections.rebuild.cut-over-lock-wait:400ms}") Duration cutOverLockWait,
      @Value("${quire.projections.rebuild.progress-log:5s}") Duration progressLog) {
    this.dataSource = dataSource;
    this.stream = stream;
    this.catalogue = catalogue;
    this.axon = axon;
    this.settings =
        new RebuildSettings(
            batch, pause, lease, watch, cutOverWithin, cutOverLockWait, progressLog);
    this.records = new RebuildRecords(dataSource, lease);
  }

  /** What {@link #rebuild} did. */
  public sealed interface Outcome {
    /** Started in the background. */
    record Started(ProjectionStatus status) implements Outcome {}

    /** A rebuild of it runs already. */
    record AlreadyRunning(ProjectionStatus status) implements Outcome {}

    /** It cannot be rebuilt. */
    record NotRebuildable(String reason) implements Outcome {}

    /** No read model has that name. */
    record Unknown() implements Outcome {}
  }

  /** Every read model's state, in the catalogue's order. */
  public List<ProjectionStatus> statuses() {
    long head = stream.head().position();
    Map<String, RebuildRecord> rebuilds = allRecords();
    return catalogue.all().stream()
        .map(model -> status(model, Optional.ofNullable(rebuilds.get(model.name())), head))
        .toList();
  }

  /** The state of the read model of this name. */
  public Optional<ProjectionStatus> status(String name) {
    return catalogue
        .named(name)
        .map(model -> status(model, record(name), stream.head().position()));
  }

  /** Starts a rebuild of the read model of this name, unless one runs or it cannot be rebuilt. */
  public Outcome rebuild(String name) {
    Optional<ReadModel> found = catalogue.named(name);
    if (found.isEmpty()) {
      return new Outcome.Unknown();
    }
    ReadModel model = found.get();
    Optional<String> refused = notRebuildable(model);
    if (refused.isPresent()) {
      return new Outcome.NotRebuildable(refused.get());
    }
    long head = stream.head().position();
    Optional<RebuildRecord> claimed;
    try {
      claimed = records.claimFresh(name, owner, head);
    } catch (SQLException e) {
      throw new IllegalStateException("Claiming the rebuild of " + name + " failed", e);
    }
    if (claimed.isEmpty()) {
      return new Outcome.AlreadyRunning(status(model, record(name), head));
    }
    LOG.info("Rebuild of {} requested: replaying up to position {} and on", name, head);
    submit(model);
    return new Outcome.Started(status(model, claimed, head));
  }

  private ProjectionStatus status(ReadModel model, Optional<RebuildRecord> rebuild, long head) {
    Optional<String> refused = notRebuildable(model);
    Optional<java.time.Instant> rebuiltAt =
        rebuild
            .filter(r -> RebuildRecord.DONE.equals(r.status()))
            .flatMap(RebuildRecord::finishedAt);
    if (rebuild.isEmpty() || RebuildRecord.DONE.equals(rebuild.get().status())) {
      return new ProjectionStatus(
          model.name(),
          model.description(),
          "running",
          head,
          head,
          Optional.empty(),
          Optional.empty(),
          refused.isEmpty(),
          refused,
          rebuiltAt);
    }
    RebuildRecord r = rebuild.get();
    if (RebuildRecord.ERROR.equals(r.status())) {
      return new ProjectionStatus(
          model.name(),
          model.description(),
          "error",
          head,
          head,
          Optional.empty(),
          Optional.of(
              new LastError(
                  r.errorPosition().orElse(r.position()),
                  r.errorGlobalSequence(),
                  r.errorMessage().orElse("The rebuild failed."))),
          refused.isEmpty(),
          refused,
          Optional.empty());
    }
    double rate = r.running() ? r.eventsPerSecond() : 0;
    Optional<Long> eta =
        rate > 0
            ? Optional.of(Math.round(Math.max(0, head - r.position()) / rate))
            : Optional.empty();
    Replay replay =
        new Replay(
            head == 0 ? 1.0 : Math.min(1.0, (double) r.position() / head),
            rate,
            eta,
            r.startedAt(),
            r.resumed());
    Optional<LastError> stopped =
        r.running()
            ? Optional.empty()
            : Optional.of(
                new LastError(
                    r.position(),
                    Optional.empty(),
                    "The server running this rebuild stopped at position "
                        + r.position()
                        + "; a running server takes it over from there within "
                        + settings.watch().toSeconds()
                        + " s, or start it again."));
    return new ProjectionStatus(
        model.name(),
        model.description(),
        r.running() ? "replaying" : "stopped",
        r.position(),
        head,
        Optional.of(replay),
        stopped,
        refused.isEmpty(),
        refused,
        Optional.empty());
  }

  private Optional<String> notRebuildable(ReadModel model) {
    if (model.notRebuildable().isPresent()) {
      return model.notRebuildable();
    }
    return postgres ? Optional.empty() : Optional.of(NOT_ON_H2);
  }

  private Map<String, RebuildRecord> allRecords() {
    try {
      return records.all().stream()
          .collect(Collectors.toMap(RebuildRecord::name, Function.identity()));
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the rebuilds' states failed", e);
    }
  }

  private Optional<RebuildRecord> record(String name) {
    return Optional.ofNullable(allRecords().get(name));
  }

  private void submit(ReadModel model) {
    if (runningHere.putIfAbsent(model.name(), Boolean.TRUE) != null) {
      return;
    }
    Configuration configuration = axon.getObject();
    HistoryPages history =
        new HistoryPages(configuration.eventSerializer(), configuration.upcasterChain());
    Rebuild rebuild =
        new Rebuild(
            model,
            owner,
            liveSchema,
            dataSource,
            stream,
            history,
            records,
            settings,
            () -> stopping);
    workers.execute(
        () -> {
          try {
            rebuild.run();
          } finally {
            runningHere.remove(model.name());
          }
        });
  }

  /** Renews this server's claims and takes over the rebuilds of servers that stopped. */
  private void watch() {
    try {
      records.renew(owner);
      for (String name : records.takeOverStopped(owner)) {
        LOG.warn("Taking over the rebuild of {}: the server running it stopped", name);
        catalogue.named(name).ifPresent(this::submit);
      }
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Watching the rebuilds failed; trying again: {}", e.toString());
    }
  }

  /** Lets the claims of this server's rebuilds run out now, so another server takes them over. */
  private void releaseClaims() {
    try {
      records.release(owner);
    } catch (SQLException e) {
      LOG.warn("Releasing this server's rebuilds failed: {}", e.toString());
    }
  }

  @Override
  public void start() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    postgres = SqlDialect.of(jdbc) == SqlDialect.POSTGRESQL;
    stopping = false;
    running = true;
    if (!postgres) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery("SELECT current_schema()")) {
      row.next();
      liveSchema = row.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("Reading the current schema failed", e);
    }
    workers =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "quire-rebuild");
              thread.setDaemon(true);
              return thread;
            });
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "quire-rebuild-watch");
              thread.setDaemon(true);
              return thread;
            });
    long every = settings.watch().toMillis();
    watcher.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public void stop() {
    stopping = true;
    running = false;
    if (watcher != null) {
      watcher.shutdownNow();
      watcher = null;
    }
    if (workers != null) {
      workers.shutdown();
      try {
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
          workers.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      workers = null;
      releaseClaims();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}

package io.quire.perf.seed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads orgs, users, memberships and tasks through Quire's own HTTP API (the command path):
 * registers every user of the {@link TaskDataset}, creates the orgs and adds their members, then
 * writes tasks until each org has an even share of {@code --tasks}, each followed by its status
 * changes and reassignment ({@link TaskPlan}; about 3 events per task).
 *
 * <p>Restartable: users, orgs and members already there are kept; for each org it counts the tasks
 * it already has and writes only task numbers from that count on. A task and its changes are one
 * unit of work; an interruption between them leaves that task with fewer changes (it is counted and
 * not revisited). As tasks of one org are written concurrently, an interrupted run may also leave
 * task n + 1 written but not task n, so a rerun completes the count of tasks, not necessarily the
 * very same set. A run that is not interrupted always writes the same dataset.
 *
 * <pre>
 * ./mvnw -pl perf compile exec:java -Dexec.mainClass=io.quire.perf.seed.TaskSeeder \
 *     -Dexec.args="--base-url http://127.0.0.1:8080 --tasks 100000"
 * </pre>
 */
public final class TaskSeeder {

  private final TaskSeedOptions options;
  private final QuireClient client;

  TaskSeeder(TaskSeedOptions options) {
    this.options = options;
    this.client = new QuireClient(options.baseUrl());
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && args[0].equals("--help")) {
      System.out.println(TaskSeedOptions.USAGE);
      return;
    }
    new TaskSeeder(TaskSeedOptions.parse(args)).run();
  }

  /** Seeds from code (the simulations' smoke test): the same as the command line. */
  public static void seed(URI baseUrl, int orgs, int users, int tasks, int threads, long seed)
      throws InterruptedException {
    new TaskSeeder(new TaskSeedOptions(baseUrl, orgs, users, tasks, threads, seed)).run();
  }

  void run() throws InterruptedException {
    System.out.printf(
        "Seeding %,d tasks in %d orgs of %,d users into %s (seed %d, %d threads)%n",
        options.tasks(),
        options.orgs(),
        options.users(),
        options.baseUrl(),
        options.seed(),
        options.threads());
    TaskDataset dataset = TaskDataset.derive(options.seed(), options.orgs(), options.users());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      long registered = registerAll(pool, dataset);
      List<ReadyOrg> orgs = prepareAll(pool, dataset);
      Progress progress = writeMissingTasks(pool, orgs);
      long created = orgs.stream().filter(ReadyOrg::created).count();
      int membersAdded = orgs.stream().mapToInt(ReadyOrg::membersAdded).sum();
      // An org's creation records two events (the org, its creator's membership).
      long events = registered + 2 * created + membersAdded + progress.events();
      System.out.printf(
          Locale.ROOT,
          "Done: this run registered %,d users, created %d orgs, added %,d members and wrote %,d"
              + " tasks with %,d events (%.2f a task): %,d events in all%n",
          registered,
          created,
          membersAdded,
          progress.done(),
          progress.events(),
          progress.events() / (double) Math.max(progress.done(), 1),
          events);
      System.out.printf(
          Locale.ROOT,
          "Tasks: %.0f s, %.0f tasks/s, %.0f events/s; the seeded orgs have %,d tasks%n",
          progress.seconds(),
          progress.done() / Math.max(progress.seconds(), 1e-3),
          progress.events() / Math.max(progress.seconds(), 1e-3),
          orgs.stream().mapToInt(ReadyOrg::tasksBefore).sum() + progress.done());
    } finally {
      pool.shutdownNow();
    }
  }

  /** Registers every user not registered yet; answers how many this run registered. */
  private long registerAll(ExecutorService pool, TaskDataset dataset) throws InterruptedException {
    long started = System.nanoTime();
    long registered = Parallel.all(pool, registrations(dataset)).stream().filter(b -> b).count();
    System.out.printf(
        Locale.ROOT,
        "%,d users registered (%,d were already; %.0f s)%n",
        registered,
        dataset.users().size() - registered,
        since(started));
    return registered;
  }

  /** Creates the orgs, adds their members and signs in their writers ({@link OrgSetup}). */
  private List<ReadyOrg> prepareAll(ExecutorService pool, TaskDataset dataset)
      throws InterruptedException {
    long started = System.nanoTime();
    OrgSetup setup = new OrgSetup(client);
    List<Callable<ReadyOrg>> setups = new ArrayList<>();
    dataset.orgs().forEach(org -> setups.add(() -> setup.prepare(org)));
    List<ReadyOrg> orgs = Parallel.all(pool, setups);
    long created = orgs.stream().filter(ReadyOrg::created).count();
    System.out.printf(
        Locale.ROOT,
        "%d orgs created (%d were already), %,d members added (%.0f s)%n",
        created,
        orgs.size() - created,
        orgs.stream().mapToInt(ReadyOrg::membersAdded).sum(),
        since(started));
    return orgs;
  }

  /** Writes each org's missing tasks; answers the progress, which counted them and their events. */
  private Progress writeMissingTasks(ExecutorService pool, List<ReadyOrg> orgs)
      throws InterruptedException {
    int missing =
        orgs.stream()
            .mapToInt(o -> Math.max(0, options.quota(o.org().index()) - o.tasksBefore()))
            .sum();
    System.out.printf(
        "%,d tasks already there, %,d to add%n",
        orgs.stream().mapToInt(ReadyOrg::tasksBefore).sum(), missing);
    Progress progress = new Progress(missing, "tasks", "written", System.out);
    Parallel.all(pool, missingTasks(orgs, progress));
    return progress;
  }

  private static double since(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  private List<Callable<Boolean>> registrations(TaskDataset dataset) {
    List<Callable<Boolean>> registrations = new ArrayList<>();
    for (SeededUser user : dataset.users()) {
      registrations.add(() -> client.register(user.username(), user.email(), user.password()));
    }
    return registrations;
  }

  /** One unit per missing task, round-robin over the orgs, so their tasks interleave. */
  private List<Callable<Void>> missingTasks(List<ReadyOrg> orgs, Progress progress) {
    List<Callable<Void>> units = new ArrayList<>();
    int most = orgs.stream().mapToInt(o -> options.quota(o.org().index())).max().orElse(0);
    for (int number = 0; number < most; number++) {
      for (ReadyOrg org : orgs) {
        if (number >= org.tasksBefore() && number < options.quota(org.org().index())) {
          int taskNumber = number;
          units.add(
              () -> {
                progress.oneDone(write(org, taskNumber));
                return null;
              });
        }
      }
    }
    return units;
  }

  /** Writes task {@code number} of the org and its changes; answers the events they recorded. */
  private long write(ReadyOrg org, int number) {
    TaskPlan plan = TaskPlan.derive(options.seed(), org.org(), number);
    String slug = org.org().slug();
    try {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("title", plan.title());
      if (plan.description() != null) {
        fields.put("description", plan.description());
      }
      if (plan.assignee() != null) {
        fields.put("assigned_to", org.id(plan.assignee()));
      }
      if (plan.dueDate() != null) {
        fields.put("due_date", plan.dueDate().toString());
      }
      QuireClient.TaskVersion task = client.createTask(org.token(plan.creator()), slug, fields);
      String editor = org.token(plan.editor());
      for (TaskPlan.Edit edit : plan.edits()) {
        Map<String, Object> change =
            edit.status() != null
                ? Map.of("status", edit.status())
                : Map.of("assigned_to", org.id(edit.assignee()));
        task = client.editTask(editor, slug, task.id(), change);
      }
      return task.version();
    } catch (SeedFailure e) {
      throw new SeedFailure("task " + number + " of " + slug + ": " + e.getMessage(), e);
    }
  }
}

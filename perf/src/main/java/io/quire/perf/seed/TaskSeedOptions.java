package io.quire.perf.seed;

import java.net.URI;

/**
 * {@link TaskSeeder}'s command line: {@code --base-url}, {@code --orgs}, {@code --users}, {@code
 * --tasks}, {@code --threads}, {@code --seed}, each with a default.
 */
record TaskSeedOptions(URI baseUrl, int orgs, int users, int tasks, int threads, long seed) {

  static final String USAGE =
      """
      usage: TaskSeeder [--base-url URL] [--orgs N] [--users N] [--tasks N] [--threads N] [--seed N]
        --base-url  the running Quire server (default http://127.0.0.1:8080)
        --orgs      orgs to create (default 100)
        --users     users to register and spread over the orgs (default 2000; at least --orgs)
        --tasks     tasks the orgs should have in all, an even share each (default 100000)
        --threads   concurrent requests (default 8)
        --seed      derives users, orgs, memberships and tasks (default 20261122)
      Restartable: run it again and it adds only what is missing.""";

  static final TaskSeedOptions DEFAULTS =
      new TaskSeedOptions(URI.create("http://127.0.0.1:8080"), 100, 2_000, 100_000, 8, 20261122L);

  TaskSeedOptions {
    if (orgs < 1 || users < 1 || tasks < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "--orgs, --users and --threads must be >= 1, --tasks >= 0\n" + USAGE);
    }
  }

  /**
   * Parses {@code --name value} pairs; an unknown name, a missing value or fewer users than orgs is
   * an error.
   */
  static TaskSeedOptions parse(String... args) {
    TaskSeedOptions options = DEFAULTS;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("no value for " + args[i] + "\n" + USAGE);
      }
      options = options.with(args[i], args[i + 1]);
    }
    if (options.users() < options.orgs()) {
      throw new IllegalArgumentException("--users must be >= --orgs\n" + USAGE);
    }
    return options;
  }

  private TaskSeedOptions with(String name, String value) {
    try {
      return switch (name) {
        case "--base-url" -> new TaskSeedOptions(baseUrl(value), orgs, users, tasks, threads, seed);
        case "--orgs" -> new TaskSeedOptions(baseUrl, number(value), users, tasks, threads, seed);
        case "--users" -> new TaskSeedOptions(baseUrl, orgs, number(value), tasks, threads, seed);
        case "--tasks" -> new TaskSeedOptions(baseUrl, orgs, users, number(value), threads, seed);
        case "--threads" -> new TaskSeedOptions(baseUrl, orgs, users, tasks, number(value), seed);
        case "--seed" ->
            new TaskSeedOptions(baseUrl, orgs, users, tasks, threads, Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number for " + name + ": " + value + "\n" + USAGE);
    }
  }

  private static int number(String value) {
    return Integer.parseInt(value);
  }

  /** The base URL without a trailing slash, so API paths resolve against the server's root. */
  private static URI baseUrl(String value) {
    return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }

  /** The tasks org {@code index} should have: an even share of {@code tasks}. */
  int quota(int index) {
    return tasks / orgs + (index < tasks % orgs ? 1 : 0);
  }
}

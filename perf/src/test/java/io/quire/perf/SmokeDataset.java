package io.quire.perf;

import io.quire.perf.seed.ArticleSeeder;
import io.quire.perf.seed.TaskSeeder;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The data every simulation's smoke run needs, loaded once per server through its HTTP API with the
 * same seeders as the load tests, only much less of it. Add a dataset here when a simulation needs
 * one.
 *
 * <ul>
 *   <li>Articles: {@value #ARTICLES} published articles by {@value #AUTHORS} authors: {@link
 *       PublicReader}'s list pages 1 to {@value ArticleReads#PAGES} of {@value
 *       ArticleReads#PAGE_SIZE} must be full.
 *   <li>Tasks: {@value #TASKS} tasks in {@value #ORGS} orgs of {@value #USERS} users, for {@link
 *       OrgUser}, {@link Writer} and {@link Mixed} ({@link #TASK_DATASET}).
 * </ul>
 */
final class SmokeDataset {

  static final int ARTICLES = 120;
  static final int AUTHORS = 3;
  static final long SEED = 20261122L;
  static final int ORGS = 3;
  static final int USERS = 24;
  static final int TASKS = 90;

  /** What {@link SeededMembers} must be told to find the task dataset's members. */
  static final Map<String, String> TASK_DATASET =
      Map.of(
          "quire.dataset.seed", String.valueOf(SEED),
          "quire.dataset.orgs", String.valueOf(ORGS),
          "quire.dataset.users", String.valueOf(USERS),
          "quire.members", "6");

  private static final Set<String> LOADED = new HashSet<>();

  private SmokeDataset() {}

  /** Loads the datasets into the server at {@code baseUrl} unless this JVM already did. */
  static synchronized void loadInto(String baseUrl) {
    if (LOADED.contains(baseUrl)) {
      return;
    }
    try {
      ArticleSeeder.seed(URI.create(baseUrl), ARTICLES, AUTHORS, 4, SEED);
      TaskSeeder.seed(URI.create(baseUrl), ORGS, USERS, TASKS, 4, SEED);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while seeding " + baseUrl, e);
    }
    LOADED.add(baseUrl);
  }
}

package io.quire.perf.seed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loads published articles through Quire's own HTTP API: registers (or signs in as) the seeded
 * authors, then writes and publishes articles until each author has an even share of {@code
 * --articles}. Restartable: it counts what each author already has published and adds only the
 * difference. Texts are derived from (seed, author, article number), so a run that is not
 * interrupted always writes the same dataset.
 *
 * <pre>
 * ./mvnw -pl perf compile exec:java -Dexec.mainClass=io.quire.perf.seed.ArticleSeeder \
 *     -Dexec.args="--base-url http://127.0.0.1:8080 --articles 20000"
 * </pre>
 */
public final class ArticleSeeder {

  private final SeedOptions options;
  private final QuireClient client;

  ArticleSeeder(SeedOptions options) {
    this.options = options;
    this.client = new QuireClient(options.baseUrl());
  }

  /**
   * Seeds the server at {@code baseUrl} as the command line would (restartable, deterministic per
   * seed), for callers in the same JVM such as the simulations' smoke test. Throws on the first
   * failure instead of exiting.
   *
   * @param articles published articles the seeded authors should have in all
   * @param authors authors to spread them over
   * @param threads concurrent requests
   * @param seed derives authors, texts and tags
   */
  public static void seed(URI baseUrl, int articles, int authors, int threads, long seed)
      throws InterruptedException {
    new ArticleSeeder(
            SeedOptions.parse(
                "--base-url", baseUrl.toString(),
                "--articles", String.valueOf(articles),
                "--authors", String.valueOf(authors),
                "--threads", String.valueOf(threads),
                "--seed", String.valueOf(seed)))
        .run();
  }

  public static void main(String[] args) throws InterruptedException {
    if (args.length == 1 && args[0].equals("--help")) {
      System.out.println(SeedOptions.USAGE);
      return;
    }
    new ArticleSeeder(SeedOptions.parse(args)).run();
  }

  void run() throws InterruptedException {
    System.out.printf(
        "Seeding %,d published articles by %d authors into %s (seed %d, %d threads)%n",
        options.articles(),
        options.authors(),
        options.baseUrl(),
        options.seed(),
        options.threads());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads());
    try {
      List<SignedIn> authors = Parallel.all(pool, signInTasks());
      List<Callable<Void>> missing = missingArticles(authors);
      int present = authors.stream().mapToInt(SignedIn::published).sum();
      System.out.printf(
          "%d authors signed in; %,d articles already published, %,d to add%n",
          authors.size(), present, missing.size());
      Parallel.all(pool, missing);
      System.out.printf(
          "Done: the seeded authors have %,d published articles (%,d published in all)%n",
          present + missing.size(), client.publishedTotal());
    } finally {
      pool.shutdownNow();
    }
  }

  /** An author with a token and the number of articles they had published before this run. */
  private record SignedIn(Author author, String token, int published) {}

  private List<Callable<SignedIn>> signInTasks() {
    List<Callable<SignedIn>> tasks = new ArrayList<>();
    for (Author author : Author.derive(options.seed(), options.authors())) {
      tasks.add(
          () ->
              new SignedIn(
                  author, client.signIn(author), client.publishedCount(author.username())));
    }
    return tasks;
  }

  /** One task per missing article, round-robin over the authors, so their articles interleave. */
  private List<Callable<Void>> missingArticles(List<SignedIn> authors) {
    int total =
        authors.stream()
            .mapToInt(a -> options.quota(a.author().index()) - a.published())
            .filter(n -> n > 0)
            .sum();
    Progress progress = new Progress(total, "articles", "written and published", System.out);
    List<Callable<Void>> tasks = new ArrayList<>(total);
    int most = authors.stream().mapToInt(a -> options.quota(a.author().index())).max().orElse(0);
    for (int number = 0; number < most; number++) {
      for (SignedIn a : authors) {
        if (number >= a.published() && number < options.quota(a.author().index())) {
          int articleNumber = number;
          tasks.add(
              () -> {
                write(a, articleNumber);
                progress.oneDone();
                return null;
              });
        }
      }
    }
    return tasks;
  }

  private void write(SignedIn a, int number) {
    ArticleText.Article article = ArticleText.generate(options.seed(), a.author().index(), number);
    client.publish(a.token(), client.draft(a.token(), article));
  }
}

package io.quire.perf.seed;

import java.net.URI;

/**
 * The seeder's command line: {@code --base-url}, {@code --articles}, {@code --authors}, {@code
 * --threads}, {@code --seed}, each with a default.
 */
record SeedOptions(URI baseUrl, int articles, int authors, int threads, long seed) {

  static final String USAGE =
      """
      usage: ArticleSeeder [--base-url URL] [--articles N] [--authors N] [--threads N] [--seed N]
        --base-url  the running Quire server (default http://127.0.0.1:8080)
        --articles  published articles the seeded authors should have in all (default 20000)
        --authors   authors to spread them over (default 50)
        --threads   concurrent requests (default 8)
        --seed      derives authors, texts and tags (default 20261122)
      Restartable: run it again and it adds only what is missing.""";

  static final SeedOptions DEFAULTS =
      new SeedOptions(URI.create("http://127.0.0.1:8080"), 20_000, 50, 8, 20261122L);

  SeedOptions {
    if (articles < 0 || authors < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "--articles must be >= 0, --authors and --threads >= 1\n" + USAGE);
    }
  }

  /** Parses {@code --name value} pairs; an unknown name or a missing value is an error. */
  static SeedOptions parse(String... args) {
    SeedOptions options = DEFAULTS;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("no value for " + args[i] + "\n" + USAGE);
      }
      options = options.with(args[i], args[i + 1]);
    }
    return options;
  }

  private SeedOptions with(String name, String value) {
    try {
      return switch (name) {
        case "--base-url" -> new SeedOptions(baseUrl(value), articles, authors, threads, seed);
        case "--articles" ->
            new SeedOptions(baseUrl, Integer.parseInt(value), authors, threads, seed);
        case "--authors" ->
            new SeedOptions(baseUrl, articles, Integer.parseInt(value), threads, seed);
        case "--threads" ->
            new SeedOptions(baseUrl, articles, authors, Integer.parseInt(value), seed);
        case "--seed" ->
            new SeedOptions(baseUrl, articles, authors, threads, Long.parseLong(value));
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number for " + name + ": " + value + "\n" + USAGE);
    }
  }

  /** The base URL without a trailing slash, so API paths resolve against the server's root. */
  private static URI baseUrl(String value) {
    return URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
  }

  /** The published articles author {@code index} should have: an even share of {@code articles}. */
  int quota(int index) {
    return articles / authors + (index < articles % authors ? 1 : 0);
  }
}

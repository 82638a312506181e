package io.quire.perf.seed;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic article text: the same seed, author and article number always give the same title,
 * body and tags, whichever thread writes it and however often the seeder is restarted.
 *
 * <p>Title: 3-8 content words. Body: 2-6 paragraphs of 3-7 sentences of 6-18 words (about 240
 * words, 1.6 KB), roughly half of them function words. Tags: 1-5 distinct tags.
 */
final class ArticleText {

  /** One article to write, as {@code POST /api/v1/articles/} takes it. */
  record Article(String title, String body, List<String> tags) {}

  private static final ZipfSampler CONTENT = new ZipfSampler(Vocabulary.CONTENT_WORDS.size(), 1.0);
  private static final ZipfSampler TAG = new ZipfSampler(Vocabulary.TAGS.size(), 0.8);

  private ArticleText() {}

  static Article generate(long seed, int author, int number) {
    Random random = new Random(Seeds.mix(seed, author, number));
    String title = capitalised(words(random, between(random, 3, 8), false));
    StringBuilder body = new StringBuilder();
    int paragraphs = between(random, 2, 6);
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0) {
        body.append("\n\n");
      }
      int sentences = between(random, 3, 7);
      for (int s = 0; s < sentences; s++) {
        if (s > 0) {
          body.append(' ');
        }
        body.append(capitalised(words(random, between(random, 6, 18), true))).append('.');
      }
    }
    return new Article(title, body.toString(), tags(random));
  }

  static String words(Random random, int count, boolean withFunctionWords) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        text.append(' ');
      }
      if (withFunctionWords && random.nextInt(100) < 45) {
        List<String> glue = Vocabulary.FUNCTION_WORDS;
        text.append(glue.get(random.nextInt(glue.size())));
      } else {
        text.append(Vocabulary.CONTENT_WORDS.get(CONTENT.next(random)));
      }
    }
    return text.toString();
  }

  private static List<String> tags(Random random) {
    int count = between(random, 1, 5);
    Set<String> tags = new LinkedHashSet<>();
    while (tags.size() < count) {
      tags.add(Vocabulary.TAGS.get(TAG.next(random)));
    }
    return List.copyOf(tags);
  }

  static int between(Random random, int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

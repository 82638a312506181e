package io.quire.api.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scrape of {@code /actuator/prometheus} (the text format), read into series: {@code
 * scrape.sum("quire_webhook_deliveries_total", Map.of("outcome", "accepted"))} adds up every series
 * of that name whose labels include the given ones.
 */
public final class PrometheusScrape {

  private static final Pattern LINE =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\S+)?");
  private static final Pattern LABEL =
      Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One series and its value. */
  public record Series(String name, Map<String, String> labels, double value) {}

  private final List<Series> series;
  private final String text;

  private PrometheusScrape(List<Series> series, String text) {
    this.series = series;
    this.text = text;
  }

  /** Reads the text of a scrape. */
  public static PrometheusScrape of(String text) {
    List<Series> series = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new AssertionError("Not a Prometheus sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(2) != null) {
        Matcher label = LABEL.matcher(m.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      series.add(new Series(m.group(1), labels, number(m.group(3))));
    }
    return new PrometheusScrape(series, text);
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  /** Every series of this name whose labels include {@code labels}. */
  public List<Series> series(String name, Map<String, String> labels) {
    return series.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** The sum of {@link #series}; 0 when there is none. */
  public double sum(String name, Map<String, String> labels) {
    return series(name, labels).stream().mapToDouble(Series::value).sum();
  }

  /** Every series, for assertions over all of them. */
  public List<Series> all() {
    return series;
  }

  @Override
  public String toString() {
    return text;
  }
}

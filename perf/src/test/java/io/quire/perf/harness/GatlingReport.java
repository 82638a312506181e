package io.quire.perf.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics table of a Gatling run's HTML report ({@code index.html}): Gatling 3.15.1 writes
 * no statistics file, so the figures are read from the table, the same numbers the console prints.
 *
 * <p>{@link #all()} is the table's first row, "All Requests". {@link #byName()} holds every other
 * row, requests and groups alike, in table order, keyed by its path: a request or group at the top
 * level by its name ({@code "list"}), one inside a group by the group's path, {@code " / "} and its
 * name ({@code "reads / list"}), as Gatling's console writes it.
 *
 * <p>The parser is strict: a missing table, a column whose heading is not the expected one (the
 * percentiles are configurable in {@code gatling.conf}) or a row without its 13 figures is an
 * {@link IllegalStateException} naming what it did not find, so a Gatling upgrade that changes the
 * report fails the build here rather than passing silently. Where Gatling shows {@code -} (no
 * response time recorded), a time is {@code -1} and a mean {@link Double#NaN}.
 */
public record GatlingReport(RequestStats all, Map<String, RequestStats> byName) {

  /** The name of the first row, all requests together. */
  public static final String ALL_REQUESTS = "All Requests";

  /** The column headings (cells {@code col-2} to {@code col-14}) this parser knows how to read. */
  static final List<String> HEADINGS =
      List.of(
          "Total",
          "OK",
          "KO",
          "% KO",
          "Cnt/s",
          "Min",
          "50th pct",
          "75th pct",
          "95th pct",
          "99th pct",
          "Max",
          "Mean",
          "Std Dev");

  private static final String HEAD_TABLE = "<table id=\"container_statistics_head\"";
  private static final String BODY_TABLE = "<table id=\"container_statistics_body\"";
  private static final Pattern HEADING =
      Pattern.compile("<th id=\"col-(\\d+)\"[^>]*>(.*?)</th>", Pattern.DOTALL);
  private static final Pattern ROW =
      Pattern.compile(
          "<tr id=\"([^\"]+)\"(?:\\s+data-parent=\"([^\"]*)\")?\\s*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern NAME =
      Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
  private static final Pattern CELL =
      Pattern.compile("<td class=\"value [a-z]+ col-(\\d+)\">([^<]*)</td>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);");
  private static final Map<String, Integer> NAMED_ENTITIES = namedEntities();

  public GatlingReport {
    byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  /**
   * The figures of one row. Times are milliseconds; {@code requestsPerSecond} is the mean over the
   * run (Gatling's "Cnt/s").
   */
  public record RequestStats(
      String name,
      long count,
      long ok,
      long ko,
      double requestsPerSecond,
      long p50Millis,
      long p95Millis,
      long p99Millis,
      long maxMillis,
      double meanMillis) {}

  /** Reads the report of a run: {@code index.html} in its report folder. */
  public static GatlingReport read(Path indexHtml) {
    try {
      return parse(Files.readString(indexHtml, StandardCharsets.UTF_8), indexHtml.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Gatling report " + indexHtml, e);
    }
  }

  /** Parses the HTML of an {@code index.html}; {@code source} names it in error messages. */
  public static GatlingReport parse(String html, String source) {
    int head = html.indexOf(HEAD_TABLE);
    int body = html.indexOf(BODY_TABLE);
    if (head < 0 || body < head) {
      throw unreadable(
          source, "no statistics table (" + HEAD_TABLE + "> then " + BODY_TABLE + ">)");
    }
    int end = html.indexOf("</table>", body);
    if (end < 0) {
      throw unreadable(source, "the statistics table does not end");
    }
    int headings = html.indexOf("</thead>", head);
    if (headings < 0 || headings > body) {
      throw unreadable(source, "the statistics table has no column headings (<thead>)");
    }
    checkHeadings(html.substring(head, headings), source);
    List<Row> rows = rows(html.substring(head, end), source);
    if (rows.isEmpty() || !rows.get(0).name().equals(ALL_REQUESTS)) {
      throw unreadable(
          source, "the first row of the statistics table is not \"" + ALL_REQUESTS + "\"");
    }
    Map<String, Row> byId = new HashMap<>();
    rows.forEach(row -> byId.put(row.id(), row));
    Map<String, RequestStats> byName = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      String path = path(row, byId, rows.get(0).id(), source);
      if (byName.put(path, row.stats(path, source)) != null) {
        throw unreadable(source, "two rows named \"" + path + "\"");
      }
    }
    return new GatlingReport(rows.get(0).stats(ALL_REQUESTS, source), byName);
  }

  /** The row of this request or group path; an {@link IllegalArgumentException} names the rows. */
  public RequestStats stats(String name) {
    RequestStats stats = byName.get(name);
    if (stats == null) {
      throw new IllegalArgumentException("no row \"" + name + "\"; the rows: " + byName.keySet());
    }
    return stats;
  }

  /** One table row before its figures are read: id, parent id, name, cell texts by column. */
  private record Row(String id, String parent, String name, Map<Integer, String> cells) {

    RequestStats stats(String path, String source) {
      for (int column = 2; column < 2 + HEADINGS.size(); column++) {
        if (!cells.containsKey(column)) {
          throw unreadable(source, "row \"" + path + "\" has no cell col-" + column);
        }
      }
      return new RequestStats(
          path,
          count(path, 2, source),
          count(path, 3, source),
          count(path, 4, source),
          decimal(path, 6, source),
          millis(path, 8, source),
          millis(path, 10, source),
          millis(path, 11, source),
          millis(path, 12, source),
          decimal(path, 13, source));
    }

    private long count(String path, int column, String source) {
      return Math.round(number(path, column, source, 0));
    }

    private long millis(String path, int column, String source) {
      return Math.round(number(path, column, source, -1));
    }

    private double decimal(String path, int column, String source) {
      return number(path, column, source, Double.NaN);
    }

    private double number(String path, int column, String source, double absent) {
      String text = cells.get(column).trim();
      if (text.equals("-")) {
        return absent;
      }
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw unreadable(
            source,
            "row \""
                + path
                + "\", column \""
                + HEADINGS.get(column - 2)
                + "\": not a number: "
                + text);
      }
    }
  }

  private static void checkHeadings(String thead, String source) {
    Map<Integer, String> headings = new HashMap<>();
    Matcher th = HEADING.matcher(thead);
    while (th.find()) {
      headings.put(Integer.parseInt(th.group(1)), text(th.group(2)));
    }
    for (int i = 0; i < HEADINGS.size(); i++) {
      String found = headings.get(i + 2);
      if (!HEADINGS.get(i).equals(found)) {
        throw unreadable(
            source,
            "column col-" + (i + 2) + " is headed " + found + ", expected " + HEADINGS.get(i));
      }
    }
  }

  private static List<Row> rows(String tables, String source) {
    List<Row> rows = new ArrayList<>();
    Matcher tr = ROW.matcher(tables);
    while (tr.find()) {
      Matcher name = NAME.matcher(tr.group(3));
      if (!name.find()) {
        throw unreadable(source, "row " + tr.group(1) + " has no ellipsed-name");
      }
      Map<Integer, String> cells = new HashMap<>();
      Matcher td = CELL.matcher(tr.group(3));
      while (td.find()) {
        cells.put(Integer.parseInt(td.group(1)), td.group(2));
      }
      rows.add(new Row(tr.group(1), tr.group(2), text(name.group(1)), cells));
    }
    return rows;
  }

  /** The row's name preceded by the names of the groups it is in, joined by {@code " / "}. */
  private static String path(Row row, Map<String, Row> byId, String rootId, String source) {
    List<String> names = new ArrayList<>();
    names.add(row.name());
    Row current = row;
    while (current.parent() != null && !current.parent().equals(rootId)) {
      Row parent = byId.get(current.parent());
      if (parent == null || names.size() > byId.size()) {
        throw unreadable(source, "row " + row.id() + " has no parent row " + current.parent());
      }
      names.add(0, parent.name());
      current = parent;
    }
    return String.join(" / ", names);
  }

  /** The text of an HTML fragment: tags dropped, entities decoded, white space trimmed. */
  static String text(String html) {
    String text = TAG.matcher(html).replaceAll("");
    Matcher entity = ENTITY.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      String name = entity.group(1);
      Integer codePoint;
      if (name.startsWith("#x") || name.startsWith("#X")) {
        codePoint = Integer.parseInt(name.substring(2), 16);
      } else if (name.startsWith("#")) {
        codePoint = Integer.parseInt(name.substring(1));
      } else {
        codePoint = NAMED_ENTITIES.get(name);
      }
      String replacement = codePoint == null ? entity.group() : Character.toString(codePoint);
      entity.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
    }
    entity.appendTail(decoded);
    return decoded.toString().trim();
  }

  /**
   * The entities Gatling's report escapes (its {@code html-entities.properties}, name = code
   * point), read from the Gatling jar when present, and the XML five in any case.
   */
  private static Map<String, Integer> namedEntities() {
    Map<String, Integer> entities = new HashMap<>();
    try (InputStream in =
        GatlingReport.class.getClassLoader().getResourceAsStream("html-entities.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        properties.forEach(
            (name, code) -> entities.put((String) name, Integer.parseInt(((String) code).trim())));
      }
    } catch (IOException | NumberFormatException e) {
      // The XML five below still decode; other names stay as written.
    }
    entities.putAll(Map.of("amp", 38, "lt", 60, "gt", 62, "quot", 34, "apos", 39, "nbsp", 160));
    return Map.copyOf(entities);
  }

  private static IllegalStateException unreadable(String source, String what) {
    return new IllegalStateException(
        "Cannot read the Gatling report "
            + source
            + ": "
            + what
            + ". GatlingReport reads the statistics table of Gatling 3.15's index.html; has the"
            + " Gatling version or its report format changed?");
  }
}

package io.quire.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.Orgs.TestOrg;
import io.quire.api.testing.Users.TestUser;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The export endpoints as the tests use them: request, wait for the job, download, parse. */
public final class ExportsApi {

  static final List<String> COLUMNS =
      List.of("id", "title", "status", "created_by", "assigned_to", "due_date", "created_at");

  private final HttpApi api;

  public ExportsApi(HttpApi api) {
    this.api = api;
  }

  static String exports(TestOrg org) {
    return org.path("exports/");
  }

  static String export(TestOrg org, String id) {
    return org.path("exports/" + id + "/");
  }

  /** {@code admin} requests an export; asserts the 202 and answers the export's id. */
  public String request(TestOrg org, TestUser admin, Map<String, ?> body) {
    Response r = api.as(admin.token()).post(exports(org), body);
    assertThat(r.status()).as(r.toString()).isEqualTo(202);
    return r.json().get("id").asText();
  }

  /** The export's detail once its status is {@code status} (waiting for the job). */
  JsonNode awaitStatus(TestOrg org, TestUser admin, String id, String status) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () -> {
              Response r = api.as(admin.token()).get(export(org, id));
              assertThat(r.status()).as(r.toString()).isEqualTo(200);
              last[0] = r.json();
              assertThat(last[0].get("status").asText()).as(r.toString()).isEqualTo(status);
            });
    return last[0];
  }

  public JsonNode awaitDone(TestOrg org, TestUser admin, String id) {
    return awaitStatus(org, admin, id, "done");
  }

  /** Downloads the export's file from its detail's {@code download_url}; asserts the 200. */
  public Response download(TestUser admin, JsonNode detail) {
    String url = detail.get("download_url").asText();
    String base = "http://127.0.0.1:" + api.port();
    assertThat(url).startsWith(base + "/api/v1/orgs/").endsWith("/download/");
    Response r = api.as(admin.token()).get(url.substring(base.length()));
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    return r;
  }

  /** A CSV file's records, header first, parsed by Apache Commons CSV (RFC 4180). */
  static List<List<String>> csv(String text) {
    assertThat(text).as("CRLF line ends").contains("\r\n");
    try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      List<List<String>> records = new ArrayList<>();
      for (CSVRecord record : parser) {
        records.add(record.toList());
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a CSV file (header checked and dropped), by task title. */
  static Map<String, List<String>> csvRowsByTitle(String text) {
    List<List<String>> records = csv(text);
    assertThat(records.get(0)).isEqualTo(COLUMNS);
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    records.subList(1, records.size()).forEach(row -> rows.put(row.get(1), row));
    return rows;
  }

  /** The titles of a JSON file's rows, checking every row has exactly the columns. */
  static Set<String> jsonTitles(JsonNode file) {
    assertThat(file.isArray()).isTrue();
    Set<String> titles = new java.util.LinkedHashSet<>();
    file.forEach(
        row -> {
          List<String> fields = new ArrayList<>();
          row.fieldNames().forEachRemaining(fields::add);
          assertThat(fields).isEqualTo(COLUMNS);
          titles.add(row.get("title").asText());
        });
    return titles;
  }
}

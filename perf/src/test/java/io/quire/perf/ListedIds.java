package io.quire.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Ids of published articles, taken from list answers before a run starts, for simulations that read
 * details without listing first.
 */
final class ListedIds {

  private ListedIds() {}

  /** The ids on the first {@code pages} pages of 100 of the published list. */
  static List<String> firstPages(String baseUrl, int pages) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    ObjectMapper json = new ObjectMapper();
    List<String> ids = new ArrayList<>();
    try {
      for (int page = 1; page <= pages; page++) {
        URI uri = URI.create(baseUrl + ArticleReads.ARTICLES + "?page_size=100&page=" + page);
        HttpResponse<String> response =
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        JsonNode results = json.readTree(response.body()).path("results");
        results.forEach(article -> ids.add(article.path("id").asText()));
        if (results.size() < 100) {
          break;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list articles at " + baseUrl + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (ids.isEmpty()) {
      throw new IllegalStateException("no published articles at " + baseUrl + ": seed them first");
    }
    return ids;
  }
}

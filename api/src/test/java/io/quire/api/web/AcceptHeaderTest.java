package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;

class AcceptHeaderTest {

  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final List<MediaType> OFFERED = List.of(MediaType.APPLICATION_JSON, NDJSON);

  private static Optional<MediaType> choose(String... accept) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
    for (String value : accept) {
      request.addHeader("Accept", value);
    }
    return AcceptHeader.choose(request, OFFERED);
  }

  @Test
  void noAcceptAnythingOrATieChoosesTheTypeOfferedFirst() {
    assertThat(choose()).contains(MediaType.APPLICATION_JSON);
    assertThat(choose("")).contains(MediaType.APPLICATION_JSON);
    assertThat(choose("*/*")).contains(MediaType.APPLICATION_JSON);
    assertThat(choose("application/*")).contains(MediaType.APPLICATION_JSON);
    assertThat(choose("application/x-ndjson, application/json"))
        .contains(MediaType.APPLICATION_JSON);
  }

  @Test
  void theHighestQualityWins() {
    assertThat(choose("application/x-ndjson")).contains(NDJSON);
    assertThat(choose("application/json;q=0.5, application/x-ndjson")).contains(NDJSON);
    assertThat(choose("application/json;q=0.5, application/x-ndjson;q=0.4"))
        .contains(MediaType.APPLICATION_JSON);
    assertThat(choose("text/html", "application/x-ndjson;q=0.9")).contains(NDJSON);
  }

  @Test
  void qualityZeroIsNotAcceptableEvenThroughAWildcard() {
    assertThat(choose("application/x-ndjson;q=0")).isEmpty();
    assertThat(choose("application/json, application/x-ndjson;q=0"))
        .contains(MediaType.APPLICATION_JSON);
    assertThat(choose("application/json;q=0, */*;q=0.1")).contains(NDJSON);
    assertThat(choose("*/*;q=0")).isEmpty();
    assertThat(choose("application/*;q=0, */*")).isEmpty();
  }

  @Test
  void theMostSpecificRangeSetsTheQuality() {
    assertThat(choose("application/*;q=0.2, */*;q=1, application/x-ndjson;q=0.3")).contains(NDJSON);
    assertThat(choose("*/*;q=0.9, application/json;q=0.1")).contains(NDJSON);
  }

  @Test
  void otherTypesOrAnUnreadableHeaderAreNotAcceptable() {
    assertThat(choose("application/xml")).isEmpty();
    assertThat(choose("text/csv, text/html;q=0.5")).isEmpty();
    assertThat(choose("application/json;q=2")).isEmpty();
    assertThat(choose("not a media type")).isEmpty();
  }
}

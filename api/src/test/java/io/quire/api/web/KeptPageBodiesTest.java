package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quire.api.accounts.UserRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

class KeptPageBodiesTest {

  /** A list item of plain values, as the task and article list items are. */
  record Item(String id, String title, List<String> tags, UserRef author, Instant at)
      implements ValueRecord {}

  /** An item that does not promise value semantics. */
  record Other(String id) {}

  /** The application's mapper, counting the pages it writes. */
  static final class CountingMapper extends ObjectMapper {
    final AtomicInteger written = new AtomicInteger();

    CountingMapper() {
      super(mapper());
    }

    @Override
    public byte[] writeValueAsBytes(Object value) throws JsonProcessingException {
      written.incrementAndGet();
      return super.writeValueAsBytes(value);
    }
  }

  private final CountingMapper json = new CountingMapper();
  private final KeptPageBodies bodies = new KeptPageBodies(json, 1 << 20);

  @Test
  void aPageIsWrittenExactlyAsSpringsJacksonConverterWritesIt() throws IOException {
    PageResponse<Item> page = page(3, "Plan", "https://q.example/api/v1/articles/?page=2");

    MockHttpOutputMessage ours = write(page);
    MockHttpOutputMessage jacksons = new MockHttpOutputMessage();
    new MappingJackson2HttpMessageConverter(mapper())
        .write(page, MediaType.APPLICATION_JSON, jacksons);

    assertThat(ours.getBodyAsString(StandardCharsets.UTF_8))
        .isEqualTo(jacksons.getBodyAsString(StandardCharsets.UTF_8))
        .contains("\"next\":\"https://q.example/api/v1/articles/?page=2\"", "\"title\":\"Plan 0\"");
    assertThat(ours.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(ours.getHeaders().getContentLength()).isEqualTo(ours.getBodyAsBytes().length);
  }

  @Test
  void anEqualPageIsAnsweredWithTheKeptBytesWithoutWritingItAgain() throws IOException {
    byte[] first = write(page(20, "Plan", null)).getBodyAsBytes();
    byte[] second = write(page(20, "Plan", null)).getBodyAsBytes();

    assertThat(second).isEqualTo(first);
    assertThat(json.written).hasValue(1);
  }

  @Test
  void aPageWithAChangedItemIsWrittenAfresh() throws IOException {
    write(page(20, "Plan", null));
    List<Item> items = new ArrayList<>(page(20, "Plan", null).results());
    items.set(7, new Item("id-7", "Retitled", List.of("a"), new UserRef("u", "ada"), at(7)));

    String changed =
        write(new PageResponse<>(20, null, null, items)).getBodyAsString(StandardCharsets.UTF_8);

    assertThat(changed).contains("\"title\":\"Retitled\"").doesNotContain("\"title\":\"Plan 7\"");
    assertThat(json.written).hasValue(2);
  }

  @Test
  void theSameItemsWithOtherLinksAreAnotherPage() throws IOException {
    write(page(20, "Plan", "https://a.example/?page=2"));

    String other =
        write(page(20, "Plan", "https://b.example/?page=2"))
            .getBodyAsString(StandardCharsets.UTF_8);

    assertThat(other).contains("https://b.example/?page=2");
    assertThat(json.written).hasValue(2);
  }

  @Test
  void pagesOfItemsThatAreNotValueRecordsAreWrittenEveryTime() throws IOException {
    PageResponse<Other> page = new PageResponse<>(1, null, null, List.of(new Other("x")));

    write(page);
    write(new PageResponse<>(1, null, null, List.of(new Other("x"))));

    assertThat(json.written).hasValue(2);
    assertThat(bodies.keptWeight()).isZero();
  }

  @Test
  void itKeepsNoMoreThanItsSize() throws IOException {
    KeptPageBodies small = new KeptPageBodies(json, 20_000);
    for (int i = 0; i < 200; i++) {
      write(small, page(20, "Plan " + i, null));
    }

    assertThat(small.keptWeight()).isPositive().isLessThanOrEqualTo(20_000);
  }

  @Test
  void sizeZeroKeepsNothing() throws IOException {
    KeptPageBodies none = new KeptPageBodies(json, 0);
    write(none, page(20, "Plan", null));
    write(none, page(20, "Plan", null));

    assertThat(json.written).hasValue(2);
  }

  @Test
  void itWritesPagesOnlyAndReadsNothing() {
    assertThat(bodies.canWrite(PageResponse.class, MediaType.APPLICATION_JSON)).isTrue();
    assertThat(bodies.canWrite(Item.class, MediaType.APPLICATION_JSON)).isFalse();
    assertThat(bodies.canWrite(PageResponse.class, MediaType.TEXT_PLAIN)).isFalse();
    assertThat(bodies.canRead(PageResponse.class, MediaType.APPLICATION_JSON)).isFalse();
  }

  private MockHttpOutputMessage write(PageResponse<?> page) throws IOException {
    return write(bodies, page);
  }

  private static MockHttpOutputMessage write(KeptPageBodies converter, PageResponse<?> page)
      throws IOException {
    MockHttpOutputMessage output = new MockHttpOutputMessage();
    converter.write(page, MediaType.APPLICATION_JSON, output);
    return output;
  }

  /** A page of {@code count} items titled "{title} {n}", built afresh each time. */
  private static PageResponse<Item> page(int count, String title, String next) {
    List<Item> items = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      items.add(
          new Item(
              "id-" + n,
              title + " " + n,
              List.of("tag-" + n, "b"),
              new UserRef("u-" + n, "ada"),
              at(n)));
    }
    return new PageResponse<>(count, next, null, items);
  }

  private static Instant at(int n) {
    return Instant.parse("2026-03-01T12:00:00.123Z").plusSeconds(n);
  }

  /** Configured as the application's mapper is: snake_case, ISO-8601 instants. */
  static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .build();
  }
}

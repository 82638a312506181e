package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import io.quire.api.accounts.UserRef;
import io.quire.api.web.KeptPageBodiesTest.Item;
import io.quire.testsupport.Seeded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;

/**
 * Whatever a page holds (any Unicode in its titles and tags, quotes, control characters, missing
 * links, empty pages), {@link KeptPageBodies} answers it with exactly the bytes Spring's Jackson
 * converter writes, the first time and every time an equal copy of it comes back.
 */
class KeptPageBodiesProperties {

  private final KeptPageBodies bodies = new KeptPageBodies(KeptPageBodiesTest.mapper(), 1 << 20);
  private final MappingJackson2HttpMessageConverter jackson =
      new MappingJackson2HttpMessageConverter(KeptPageBodiesTest.mapper());

  @Test
  void aKeptPageIsAlwaysTheBytesJacksonWrites() {
    Seeded.qt()
        .withExamples(300)
        .forAll(pages())
        .checkAssert(
            page -> {
              String expected = written(jackson, page);

              assertThat(written(bodies, page)).isEqualTo(expected);
              assertThat(written(bodies, copy(page))).isEqualTo(expected);
            });
  }

  private static Gen<PageResponse<Item>> pages() {
    // Every code point below the surrogates (controls, quotes, accents, CJK), and emoji beyond
    // them.
    Gen<String> text =
        strings()
            .betweenCodePoints(0, 0xD7FF)
            .ofLengthBetween(0, 12)
            .mix(strings().betweenCodePoints(0x1F300, 0x1F64F).ofLengthBetween(1, 4), 20);
    Gen<Item> items =
        text.zip(
            lists().of(text).ofSizeBetween(0, 3),
            text,
            longs().between(0, 4_000_000_000L),
            (title, tags, username, second) ->
                new Item(
                    "id-" + second,
                    title,
                    tags,
                    second % 5 == 0 ? null : new UserRef("u-" + second, username),
                    Instant.ofEpochSecond(second, second % 1_000_000_000L)));
    return lists()
        .of(items)
        .ofSizeBetween(0, 20)
        .zip(
            integers().between(0, 500),
            text.toOptionals(30),
            (results, extra, next) ->
                new PageResponse<>(results.size() + extra, next.orElse(null), null, results));
  }

  /** An equal page made of new objects, as the next request's page is. */
  private static PageResponse<Item> copy(PageResponse<Item> page) {
    List<Item> items = new ArrayList<>();
    for (Item item : page.results()) {
      items.add(
          new Item(
              new StringBuilder(item.id()).toString(),
              new StringBuilder(item.title()).toString(),
              new ArrayList<>(item.tags()),
              item.author() == null
                  ? null
                  : new UserRef(item.author().id(), item.author().username()),
              Instant.ofEpochSecond(item.at().getEpochSecond(), item.at().getNano())));
    }
    return new PageResponse<>(page.count(), page.next(), page.previous(), items);
  }

  private static <T> String written(HttpMessageConverter<T> converter, T page) {
    try {
      MockHttpOutputMessage output = new MockHttpOutputMessage();
      converter.write(page, MediaType.APPLICATION_JSON, output);
      return output.getBodyAsString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.quire.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;

/**
 * Writes list pages ({@link PageResponse}) as JSON, and keeps the bytes of pages whose items are
 * {@link ValueRecord}s: a page equal to one written before (same count, same links, equal items) is
 * answered with the same bytes, without Jackson. The lists served from kept pages (the task list,
 * the public article list) spent about half of a request's CPU in Jackson writing the same twenty
 * items again (docs/performance.md).
 *
 * <p>The bytes are those the application's own object mapper writes for the page, exactly as
 * Spring's Jackson converter would, so an answer never depends on whether it was kept. They are
 * kept by value, not by any version: a page whose items changed is a different key, written afresh.
 * At most {@code maxBytes} are kept (each entry weighed at twice its JSON, for the page object it
 * is keyed by), the least recently used going first.
 */
public final class KeptPageBodies extends AbstractHttpMessageConverter<PageResponse<?>> {

  private final ObjectMapper json;
  private final Cache<PageResponse<?>, byte[]> bodies; // null when nothing is to be kept

  public KeptPageBodies(ObjectMapper json, long maxBytes) {
    super(MediaType.APPLICATION_JSON);
    this.json = json;
    // Size 0 keeps nothing at all: Caffeine would evict on another thread, so a bound of 0 would
    // still answer the next request from the entry it is about to drop. Evictions run in the
    // writing thread too, so the bound holds whenever a write returns.
    this.bodies =
        maxBytes == 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((PageResponse<?> page, byte[] body) -> 2 * body.length)
                .executor(Runnable::run)
                .build();
  }

  @Override
  protected boolean supports(Class<?> type) {
    return type == PageResponse.class;
  }

  @Override
  public boolean canRead(Class<?> type, MediaType mediaType) {
    return false;
  }

  @Override
  protected PageResponse<?> readInternal(
      Class<? extends PageResponse<?>> type, HttpInputMessage input) {
    throw new HttpMessageNotReadableException("pages are answers, never requests", input);
  }

  @Override
  protected void writeInternal(PageResponse<?> page, HttpOutputMessage output) throws IOException {
    byte[] body =
        bodies != null && keeps(page) ? bodies.get(page, this::serialize) : serialize(page);
    output.getHeaders().setContentLength(body.length);
    output.getBody().write(body);
  }

  /** Pages of value records only: equal pages are then sure to be written alike. */
  static boolean keeps(PageResponse<?> page) {
    for (Object item : page.results()) {
      if (!(item instanceof ValueRecord)) {
        return false;
      }
    }
    return true;
  }

  /** The weight of what is kept now, in bytes as {@code maxBytes} counts them. */
  long keptWeight() {
    if (bodies == null) {
      return 0;
    }
    bodies.cleanUp();
    return bodies.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  private byte[] serialize(PageResponse<?> page) {
    try {
      return json.writeValueAsBytes(page);
    } catch (JsonProcessingException e) {
      throw new HttpMessageNotWritableException("cannot write the page as JSON: " + e, e);
    }
  }
}

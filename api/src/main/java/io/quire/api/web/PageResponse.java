package io.quire.api.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page of a list: {@code {count, next, previous, results}}. {@code next} and {@code previous} are
 * absolute URLs of the same request with another {@code page}, or null. A page past the end has
 * empty {@code results}, and its {@code previous} is the last page.
 */
public record PageResponse<T>(
    @Schema(requiredMode = RequiredMode.REQUIRED, description = "Items in the whole list.")
        long count,
    @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "uri") String next,
    @Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, format = "uri") String previous,
    @Schema(requiredMode = RequiredMode.REQUIRED) List<T> results) {

  /** The page the current request asked for, with links built from the current request. */
  public static <V, T> PageResponse<T> of(
      long count, List<V> items, PageParams params, Function<V, T> toResponse) {
    int page = params.number();
    boolean hasNext = (long) page * params.size() < count;
    // Past the end, "previous" is the last page that has items (page 1 of an empty list), not the
    // page before this one, which would be empty too.
    long lastPage = Math.max(1, (count + params.size() - 1) / params.size());
    return new PageResponse<>(
        count,
        hasNext ? link(page + 1) : null,
        page > 1 ? link((int) Math.min(page - 1, lastPage)) : null,
        items.stream().map(toResponse).toList());
  }

  private static String link(int page) {
    UriComponentsBuilder uri = ServletUriComponentsBuilder.fromCurrentRequest();
    String path = uri.build().getPath();
    if (path != null && !path.endsWith("/")) {
      uri.replacePath(path + "/");
    }
    // Like Django REST Framework: the first page's link has no page parameter at all.
    return (page == 1 ? uri.replaceQueryParam("page") : uri.replaceQueryParam("page", page))
        .build()
        .toUriString();
  }
}

package io.quire.api.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.BindParam;

/**
 * {@code ?page=1&page_size=20} of every list. A page size above {@value #MAX_PAGE_SIZE} is served
 * as {@value #MAX_PAGE_SIZE}, as Django REST Framework does; a page or page size below 1, or one
 * that is not a whole number, is 400 on that parameter. Bind with {@code @Valid @ParameterObject}.
 */
public record PageParams(
    @Parameter(description = "1-based page number.", schema = @Schema(minimum = "1"))
        @Min(value = 1, message = "Ensure this value is greater than or equal to 1.")
        Integer page,
    @Parameter(
            name = "page_size",
            description = "Items per page (at most 100).",
            schema = @Schema(minimum = "1", defaultValue = "20"))
        @BindParam("page_size")
        @Min(value = 1, message = "Ensure this value is greater than or equal to 1.")
        Integer pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;

  /** The page number to serve (1 when absent). */
  public int number() {
    return page == null ? 1 : page;
  }

  /** The page size to serve: the default when absent, at most {@value #MAX_PAGE_SIZE}. */
  public int size() {
    return pageSize == null ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
  }
}

package io.quire.api.web;

import io.quire.api.errors.ApiException;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?page=1&page_size=20} of every list. A page size above {@value #MAX_PAGE_SIZE} is served
 * as {@value #MAX_PAGE_SIZE}, as Django REST Framework does; a page or page size below 1, or one
 * that is not a whole number, is 400 on that parameter. A controller takes it as a parameter
 * ({@code @ParameterObject PageParams page}, which documents the two parameters); {@link
 * PageParamsArgumentResolver} reads it with {@link #of}, without a data binder (which cost a tenth
 * of a list request's CPU: docs/performance.md).
 */
public record PageParams(
    @Parameter(description = "1-based page number.", schema = @Schema(minimum = "1")) Integer page,
    @Parameter(
            name = "page_size",
            description = "Items per page (at most 100).",
            schema = @Schema(minimum = "1", defaultValue = "20"))
        Integer pageSize) {

  public static final int DEFAULT_PAGE_SIZE = 20;
  public static final int MAX_PAGE_SIZE = 100;

  /**
   * The page parameters of a request, from their query string values (null or empty when absent).
   *
   * @throws ApiException 400 naming each parameter that is not a whole number of at least 1
   */
  public static PageParams of(String page, String pageSize) {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    PageParams params =
        new PageParams(number("page", page, problems), number("page_size", pageSize, problems));
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return params;
  }

  /** The page number to serve (1 when absent). */
  public int number() {
    return page == null ? 1 : page;
  }

  /** The page size to serve: the default when absent, at most {@value #MAX_PAGE_SIZE}. */
  public int size() {
    return pageSize == null ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
  }

  private static Integer number(String name, String text, Map<String, List<String>> problems) {
    Long value = QueryNumbers.wholeNumber(name, text, 1, Integer.MAX_VALUE, problems);
    return value == null ? null : value.intValue();
  }
}

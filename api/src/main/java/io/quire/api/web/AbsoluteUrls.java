package io.quire.api.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs of this server's resources, as answers carry them ({@code webhook_url}, {@code
 * download_url}): scheme, host and port of the current request, then the path.
 */
public final class AbsoluteUrls {

  private AbsoluteUrls() {}

  /** {@code pathTemplate} (e.g. {@code /api/v1/webhooks/{id}/}) with its variables, absolute. */
  public static String of(String pathTemplate, Object... variables) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path(pathTemplate)
        .buildAndExpand(variables)
        .toUriString();
  }
}

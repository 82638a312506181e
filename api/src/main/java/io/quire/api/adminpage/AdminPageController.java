package io.quire.api.adminpage;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the operator page's three files from the jar ({@code classpath:/admin/}), read once at
 * start-up. Every answer carries a strict Content-Security-Policy: scripts, styles and calls from
 * this origin only, no inline script or style, no frames, no external asset of any kind; so the
 * page works offline and a value it shows (an event's data) can never run as code. The API calls
 * the page makes authenticate with the staff token it keeps in session storage, never a cookie.
 */
@Hidden
@RestController
class AdminPageController {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");
  private static final MediaType JAVASCRIPT =
      MediaType.parseMediaType("text/javascript;charset=UTF-8");
  private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

  private final byte[] page = read("index.html");
  private final byte[] script = read("admin.js");
  private final byte[] styles = read("admin.css");

  @GetMapping("/admin")
  ResponseEntity<byte[]> page() {
    return answer(page, HTML);
  }

  @GetMapping("/admin/admin.js")
  ResponseEntity<byte[]> script() {
    return answer(script, JAVASCRIPT);
  }

  @GetMapping("/admin/admin.css")
  ResponseEntity<byte[]> styles() {
    return answer(styles, CSS);
  }

  private static ResponseEntity<byte[]> answer(byte[] body, MediaType type) {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noCache())
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Frame-Options", "DENY")
        .header(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length))
        .body(body);
  }

  private static byte[] read(String name) {
    try (InputStream in = new ClassPathResource("admin/" + name).getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the operator page's " + name + " is not in the jar", e);
    }
  }
}

package io.quire.api.ops;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/docs/}: the interactive documentation (Swagger UI) of {@code /api/schema/}; gone, as
 * Swagger UI is, with {@code QUIRE_DOCS_ENABLED=false} ({@code springdoc.swagger-ui.enabled}).
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
class DocsController {

  @GetMapping("/api/docs")
  ResponseEntity<Void> docs() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create("/api/docs/swagger-ui/index.html"))
        .build();
  }
}

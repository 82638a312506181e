package io.quire.api.ops;

import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/docs/}: the interactive documentation (Swagger UI) of {@code /api/schema/}. */
@Hidden
@RestController
class DocsController {

  @GetMapping("/api/docs")
  ResponseEntity<Void> docs() {
    return ResponseEntity.status(HttpStatus.FOUND)
        .location(URI.create("/api/docs/swagger-ui/index.html"))
        .build();
  }
}

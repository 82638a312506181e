package io.quire.api.ops;

import io.quire.api.accounts.WithoutTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Liveness and readiness for orchestrators and load balancers. */
@RestController
@Tag(name = "Operations")
@WithoutTokens
class HealthController {

  private final ReadinessChecks readiness;

  HealthController(ReadinessChecks readiness) {
    this.readiness = readiness;
  }

  /** The readiness answer; {@code checks} maps each check to {@code ok} or what is wrong. */
  record Readiness(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              allowableValues = {"ok", "unavailable"})
          String status,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, String> checks) {}

  /** The liveness answer. */
  record Liveness(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status) {}

  @GetMapping("/readyz")
  @Operation(
      summary = "Readiness: the database answers and every event processor runs",
      responses = {
        @ApiResponse(responseCode = "200", description = "Ready"),
        @ApiResponse(
            responseCode = "503",
            description = "Not ready; the same shape, naming what is wrong",
            content = @Content(schema = @Schema(implementation = Readiness.class)))
      })
  ResponseEntity<Readiness> readyz() {
    Map<String, String> checks = readiness.run();
    boolean ready = checks.values().stream().allMatch(ReadinessChecks.OK::equals);
    return ResponseEntity.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(new Readiness(ready ? "ok" : "unavailable", checks));
  }

  @GetMapping("/livez")
  @Operation(summary = "Liveness: the process answers")
  Liveness livez() {
    return new Liveness("ok");
  }
}

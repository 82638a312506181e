package io.quire.api.errors;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that fail in the ways no endpoint of this version can yet (403, 409, 412) or
 * must never (an unexpected exception), so the envelope of every status is proven.
 */
@Hidden
@RestController
class ErrorProbeController {

  static final String LEAKY_MESSAGE =
      "ERROR: duplicate key value violates unique constraint \"accounts_pkey\" "
          + "SQL [SELECT * FROM accounts WHERE id = ?] at org.postgresql.core.v3.QueryExecutorImpl";

  @GetMapping("/test-probes/errors/{code}")
  void fail(@PathVariable String code) {
    switch (code) {
      case "permission_denied" -> throw new ApiException(ErrorCode.PERMISSION_DENIED);
      case "conflict" -> throw new ApiException(ErrorCode.CONFLICT);
      case "precondition_failed" -> throw new ApiException(ErrorCode.PRECONDITION_FAILED);
      default -> throw new IllegalStateException(LEAKY_MESSAGE);
    }
  }
}

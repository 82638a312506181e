package io.quire.api.errors;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint that fails the way no endpoint must (an unexpected exception whose message
 * leaks internals), so the 500 envelope is proven to hide it.
 */
@Hidden
@RestController
class ErrorProbeController {

  static final String LEAKY_MESSAGE =
      "ERROR: duplicate key value violates unique constraint \"accounts_pkey\" "
          + "SQL [SELECT * FROM accounts WHERE id = ?] at org.postgresql.core.v3.QueryExecutorImpl";

  @GetMapping("/test-probes/errors/{code}")
  void fail(@PathVariable String code) {
    throw new IllegalStateException(LEAKY_MESSAGE);
  }
}

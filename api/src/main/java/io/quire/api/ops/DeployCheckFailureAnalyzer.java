package io.quire.api.ops;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Presents a {@link DeployCheckFailedException} as Spring Boot presents a start-up failure ("
 * APPLICATION FAILED TO START", a description and an action), without a stack trace.
 */
public class DeployCheckFailureAnalyzer
    extends AbstractFailureAnalyzer<DeployCheckFailedException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DeployCheckFailedException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Change the settings named above"
            + cause.problems().stream()
                .map(p -> p.setting())
                .distinct()
                .collect(Collectors.joining(", ", " (", ")"))
            + " and start again. The check runs only with the "
            + DeployCheck.PROFILE
            + " profile (SPRING_PROFILES_ACTIVE="
            + DeployCheck.PROFILE
            + ").",
        cause);
  }
}

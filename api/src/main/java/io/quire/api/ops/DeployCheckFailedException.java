package io.quire.api.ops;

import io.quire.api.ops.DeployCheck.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** The deploy check's refusal to start: every problem it found, each with what to do. */
public class DeployCheckFailedException extends IllegalStateException {

  private final transient List<Problem> problems;

  DeployCheckFailedException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** What the check found, in the order it checks. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(List<Problem> problems) {
    return "The deploy check (profile "
        + DeployCheck.PROFILE
        + ") found "
        + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
        + "; the server does not start:"
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }
}

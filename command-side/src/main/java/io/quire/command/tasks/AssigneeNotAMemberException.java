package io.quire.command.tasks;

import io.quire.kernel.accounts.UserId;

/** Assigning a task to a user who is not a member of the task's org. */
public class AssigneeNotAMemberException extends RuntimeException {
  public AssigneeNotAMemberException(UserId assignee) {
    super("A task can be assigned only to a member of its org; this user is not one: " + assignee);
  }
}

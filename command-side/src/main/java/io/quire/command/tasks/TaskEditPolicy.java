package io.quire.command.tasks;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.Role;

/**
 * Who may change a task: an org admin always; a member if and only if they created the task or it
 * is assigned to them (editing) or they created it (deleting); anyone who is not a member of the
 * task's org never.
 */
public final class TaskEditPolicy {

  private TaskEditPolicy() {}

  /**
   * Whether the actor may edit the task.
   *
   * @param actorRole the actor's role in the task's org, {@code null} when not a member
   * @param creator the task's creator, {@code null} when an integration created it
   * @param assignee the task's current assignee, {@code null} when unassigned
   */
  public static boolean mayEdit(Role actorRole, UserId actor, UserId creator, UserId assignee) {
    return actorRole == Role.ADMIN
        || (actorRole != null
            && actor != null
            && (actor.equals(creator) || actor.equals(assignee)));
  }

  /**
   * Whether the actor may delete the task.
   *
   * @param actorRole the actor's role in the task's org, {@code null} when not a member
   * @param creator the task's creator, {@code null} when an integration created it
   */
  public static boolean mayDelete(Role actorRole, UserId actor, UserId creator) {
    return actorRole == Role.ADMIN || (actorRole != null && actor != null && actor.equals(creator));
  }
}

/**
 * Tasks: the event-sourced {@link io.quire.command.tasks.Task} aggregate of an org, and {@link
 * io.quire.command.tasks.TaskEditPolicy}, who may edit and delete a task. Command handlers check
 * the policy and membership themselves, through {@link io.quire.command.orgs.MembershipLookup};
 * every kind of change is its own event.
 */
package io.quire.command.tasks;

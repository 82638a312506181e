package io.quire.kernel.orgs;

/**
 * An event that belongs to one org: its aggregate (the org itself, a task, an export, an
 * integration or a webhook receipt) lives in that org. The org's audit log lists exactly the events
 * of its aggregates; an event of such an aggregate that does not name the org itself (an export's
 * later events) belongs to the org its aggregate's first event names.
 */
public interface OrgScoped {

  /** The org the event belongs to. */
  OrgId orgId();
}

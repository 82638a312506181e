/**
 * The event history as auditors read it: an org's audit log ({@link
 * io.quire.kernel.audit.OrgAuditQuery}) and the whole event stream ({@link
 * io.quire.kernel.audit.EventStreamQuery}), both in commit order and paged by global sequence.
 */
package io.quire.kernel.audit;

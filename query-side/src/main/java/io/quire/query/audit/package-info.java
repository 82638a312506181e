/**
 * The audit log: {@link io.quire.query.audit.AuditLogProjection} indexes every stored event by org,
 * type and time ({@code audit_event}); {@link io.quire.query.audit.AuditQueries} answers an org's
 * log and the whole stream from it and the event store, in commit-position order ({@link
 * io.quire.query.stream.EventStream}).
 */
package io.quire.query.audit;

/**
 * The event history over HTTP: an org's audit log (its admins) and the whole event stream (staff),
 * as JSON pages or, for the stream, as NDJSON. Paged by global sequence ({@code after}, {@code
 * next_after}), never past an event that may still commit (see {@code
 * io.quire.query.audit.AuditSettledHead}).
 */
package io.quire.api.audit;

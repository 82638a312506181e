/**
 * How stored events are read and shown to people: {@link io.quire.query.events.StoredEventReader}
 * turns a row of the event store into the event at its current revision (upcast), and the event's
 * type name ({@code task.status_changed}) and fields as JSON-ready data are shown from that. Shared
 * by every history-like read (task history, the audit log) and by projection rebuilds.
 */
package io.quire.query.events;

/**
 * How stored events are shown to people: their type names ({@code task.status_changed}) and their
 * fields as JSON-ready data. Shared by every history-like read (task history now, the audit log
 * later).
 */
package io.quire.query.events;

package io.quire.kernel.audit;

import java.util.List;

/**
 * A page of events, oldest first, and where the next page starts: {@code nextAfter} is the {@code
 * after} to ask with next. It is never behind the last event returned, and it may be ahead of it
 * when the events in between did not match; an empty page means the reader has caught up.
 */
public record AuditPage(List<AuditEntry> results, long nextAfter) {}

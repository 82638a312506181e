package io.quire.kernel.audit;

import java.time.Instant;

/**
 * Which stored events an audit read asks for: those after global sequence {@code after}, at most
 * {@code limit} of them, optionally only of one {@code type} (such as {@code task.created}) and
 * recorded at or after {@code since} and before {@code until} (either may be null).
 */
public record AuditFilter(long after, int limit, String type, Instant since, Instant until) {}

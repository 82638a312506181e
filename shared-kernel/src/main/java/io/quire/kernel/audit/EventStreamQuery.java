package io.quire.kernel.audit;

/** The events of every aggregate (answered with an {@link AuditPage}). */
public record EventStreamQuery(AuditFilter filter) {}

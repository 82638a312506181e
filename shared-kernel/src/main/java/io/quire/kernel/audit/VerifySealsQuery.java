package io.quire.kernel.audit;

/**
 * Recompute the seals: of the whole history when {@code aggregateId} is null, else of that
 * aggregate's stream (answered with a {@link SealCheck}; for an aggregate with no events, with
 * none).
 */
public record VerifySealsQuery(String aggregateId) {}

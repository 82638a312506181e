package io.quire.kernel.audit;

/** The newest commit position and the seal of the whole history up to it (a {@link SealedHead}). */
public record EventStreamHeadQuery() {}

package io.quire.kernel.audit;

/**
 * A commit position and the seal up to it: {@code hash} is 64 lowercase hexadecimal digits of
 * SHA-256. Position 0 with a hash of zeros is the empty history.
 */
public record SealedHead(long position, String hash) {}

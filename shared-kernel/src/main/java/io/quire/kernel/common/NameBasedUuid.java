package io.quire.kernel.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids derived from names instead of drawn at random, so that everyone who names the same thing
 * arrives at the same aggregate: the receipt of a sender's event id, the task made for an external
 * id. The first 128 bits of SHA-256 over the kind, the scope and the name (each length-prefixed, so
 * no two triples share an input), marked as an RFC 9562 version 8 ("custom") UUID.
 */
public final class NameBasedUuid {

  private NameBasedUuid() {}

  /** The id of {@code name} within {@code scope}, for ids of the given {@code kind}. */
  public static UUID of(String kind, UUID scope, String name) {
    byte[] kindBytes = kind.getBytes(StandardCharsets.UTF_8);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ByteBuffer input = ByteBuffer.allocate(4 + kindBytes.length + 16 + 4 + nameBytes.length);
    input.putInt(kindBytes.length).put(kindBytes);
    input.putLong(scope.getMostSignificantBits()).putLong(scope.getLeastSignificantBits());
    input.putInt(nameBytes.length).put(nameBytes);
    byte[] hash = sha256(input.array());
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x80); // version 8
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC 9562 variant
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}

package io.quire.query.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two hash chains that seal the event stream, both SHA-256:
 *
 * <ul>
 *   <li>the <em>seal</em> of the event at a commit position covers the seal before it (position n -
 *       1; {@link #GENESIS} before the first), the position, and the event as stored: its global
 *       index, identity, aggregate type and id, sequence, payload type and revision, payload bytes,
 *       metadata bytes and timestamp. The seal at the head therefore vouches for the whole history
 *       up to it: change, delete, insert or reorder any of it and the chain no longer ends there;
 *   <li>the <em>stream seal</em> covers the stream seal of the same aggregate's previous event (its
 *       sequence minus one) and the same fields but the position and global index, so that one
 *       aggregate's stream can be checked on its own.
 * </ul>
 *
 * <p>Every field goes in with its length first (or -1 for a null), and each chain starts with a
 * label of its own, so no two different inputs hash the same bytes. Not thread-safe: one instance
 * per thread (it keeps its digest).
 */
public final class SealChain {

  /** The bytes of a seal. */
  public static final int LENGTH = 32;

  /** The seal "before" the first event of the stream, and of each aggregate: 32 zero bytes. */
  private static final byte[] GENESIS = new byte[LENGTH];

  private static final byte[] SEAL_LABEL = "quire-seal-v1".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] STREAM_LABEL =
      "quire-stream-seal-v1".getBytes(StandardCharsets.US_ASCII);

  private final MessageDigest digest;
  private final byte[] number = new byte[Long.BYTES];

  public SealChain() {
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** A new copy of the seal before the first event. */
  public static byte[] genesis() {
    return GENESIS.clone();
  }

  /** The seal of {@code event} at {@code position}, after {@code previous}. */
  public byte[] seal(byte[] previous, long position, StoredEvent event) {
    digest.reset();
    digest.update(SEAL_LABEL);
    bytes(previous);
    number(position);
    number(event.globalIndex());
    content(event);
    return digest.digest();
  }

  /** The stream seal of {@code event}, after its aggregate's previous stream seal. */
  public byte[] streamSeal(byte[] previous, StoredEvent event) {
    digest.reset();
    digest.update(STREAM_LABEL);
    bytes(previous);
    content(event);
    return digest.digest();
  }

  /** A seal as text: 64 lowercase hexadecimal digits. */
  public static String hex(byte[] seal) {
    return HexFormat.of().formatHex(seal);
  }

  private void content(StoredEvent event) {
    text(event.eventIdentifier());
    text(event.aggregateType());
    text(event.aggregateId());
    number(event.sequence());
    text(event.payloadType());
    text(event.payloadRevision());
    bytes(event.payload());
    bytes(event.metaData());
    text(event.timeStamp());
  }

  private void text(String value) {
    bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] value) {
    if (value == null) {
      number(-1);
      return;
    }
    number(value.length);
    digest.update(value);
  }

  private void number(long value) {
    for (int i = Long.BYTES - 1; i >= 0; i--) {
      number[i] = (byte) value;
      value >>>= 8;
    }
    digest.update(number);
  }
}

package io.quire.query.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output stream that hands what is written to a {@link Sink} in chunks of {@code chunkSize}
 * bytes (the last one may be shorter; an empty stream makes no chunk), numbered from 0. It holds at
 * most one chunk in memory, however much is written.
 */
final class ChunkedOutputStream extends OutputStream {

  /** Receives each chunk, in order. */
  interface Sink {
    void chunk(int seq, byte[] bytes) throws IOException;
  }

  private final Sink sink;
  private final byte[] buffer;
  private int filled;
  private int seq;
  private boolean closed;

  ChunkedOutputStream(int chunkSize, Sink sink) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("chunk size " + chunkSize);
    }
    this.buffer = new byte[chunkSize];
    this.sink = sink;
  }

  @Override
  public void write(int b) throws IOException {
    buffer[filled++] = (byte) b;
    if (filled == buffer.length) {
      emit();
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = Math.min(length, buffer.length - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == buffer.length) {
        emit();
      }
    }
  }

  /** Hands the last, partial chunk to the sink. Flushing does not: chunks stay full-sized. */
  @Override
  public void close() throws IOException {
    if (!closed) {
      closed = true;
      if (filled > 0) {
        emit();
      }
    }
  }

  /** The number of chunks handed to the sink so far. */
  int chunks() {
    return seq;
  }

  private void emit() throws IOException {
    sink.chunk(seq++, Arrays.copyOf(buffer, filled));
    filled = 0;
  }
}

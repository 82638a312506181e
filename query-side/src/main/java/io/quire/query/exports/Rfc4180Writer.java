package io.quire.query.exports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV records as RFC 4180 says: fields separated by commas, records ended by CRLF, and a
 * field that holds a comma, a double quote, a CR or an LF enclosed in double quotes, with each of
 * its double quotes doubled. Every other field is written as it is. A null field is written as an
 * empty one. Streams: nothing is kept between records.
 */
public final class Rfc4180Writer {

  private final Writer out;

  public Rfc4180Writer(Writer out) {
    this.out = out;
  }

  /** Writes one record and its CRLF. */
  public void writeRecord(List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      writeField(fields.get(i));
    }
    out.write("\r\n");
  }

  private void writeField(String field) throws IOException {
    if (field == null || field.isEmpty()) {
      return;
    }
    if (!needsQuotes(field)) {
      out.write(field);
      return;
    }
    out.write('"');
    int start = 0;
    for (int quote = field.indexOf('"'); quote >= 0; quote = field.indexOf('"', start)) {
      out.write(field, start, quote + 1 - start);
      out.write('"');
      start = quote + 1;
    }
    out.write(field, start, field.length() - start);
    out.write('"');
  }

  /** Whether RFC 4180 requires this field to be enclosed in double quotes. */
  static boolean needsQuotes(String field) {
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }

  /** Flushes what is written so far to the underlying writer. */
  public void flush() throws IOException {
    out.flush();
  }
}

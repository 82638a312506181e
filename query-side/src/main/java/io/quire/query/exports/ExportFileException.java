package io.quire.query.exports;

/** An export's file cannot be written from its rows; the message says why, for people. */
public class ExportFileException extends RuntimeException {
  public ExportFileException(String message) {
    super(message);
  }
}

package io.quire.command.exports;

import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportStatus;

/** A job step (start, complete, fail) asked of an export in a status that does not allow it. */
public class ExportNotRunningException extends RuntimeException {
  public ExportNotRunningException(ExportId export, ExportStatus status, String step) {
    super("Export " + export + " is " + status.wireName() + ": it cannot " + step + ".");
  }
}

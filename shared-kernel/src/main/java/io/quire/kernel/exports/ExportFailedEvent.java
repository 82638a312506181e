package io.quire.kernel.exports;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The export's file could not be written; {@code reason} says why, for people. */
@Revision("1")
public record ExportFailedEvent(ExportId exportId, String reason, Instant failedAt) {}

package io.quire.kernel.exports;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The export's file is written, with {@code rowCount} tasks. */
@Revision("1")
public record ExportCompletedEvent(ExportId exportId, long rowCount, Instant completedAt) {}

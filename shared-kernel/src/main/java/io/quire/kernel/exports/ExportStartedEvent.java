package io.quire.kernel.exports;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A background job started writing the export's file (a restart may start it again). */
@Revision("1")
public record ExportStartedEvent(ExportId exportId, Instant startedAt) {}

package io.quire.kernel.exports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The background job has written the export's file, of {@code rowCount} tasks. */
public record CompleteExportCommand(@TargetAggregateIdentifier ExportId exportId, long rowCount) {}

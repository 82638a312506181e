package io.quire.kernel.exports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The background job starts writing the export's file (again, after a restart). */
public record StartExportCommand(@TargetAggregateIdentifier ExportId exportId) {}

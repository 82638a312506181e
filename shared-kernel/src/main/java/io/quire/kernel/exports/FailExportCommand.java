package io.quire.kernel.exports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The background job could not write the export's file; {@code reason} is for people. */
public record FailExportCommand(@TargetAggregateIdentifier ExportId exportId, String reason) {}

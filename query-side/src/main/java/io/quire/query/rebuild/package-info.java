/**
 * Rebuilding read models from the event store in the background: the catalogue of read models
 * ({@link io.quire.query.rebuild.ReadModelCatalogue}), their states and rebuilds ({@link
 * io.quire.query.rebuild.ProjectionRebuilds}), one rebuild's run and cut-over ({@link
 * io.quire.query.rebuild.Rebuild}), the new copy it builds beside the live tables ({@link
 * io.quire.query.rebuild.ScratchCopy}), the history it reads ({@link
 * io.quire.query.rebuild.HistoryPages}, a page ahead: {@link io.quire.query.rebuild.ReadAhead}) and
 * the batches its projections' writes are sent in ({@link io.quire.query.rebuild.BatchedWrites}).
 */
package io.quire.query.rebuild;

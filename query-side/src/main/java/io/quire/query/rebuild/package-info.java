/**
 * Rebuilding read models from the event store in the background: the catalogue of read models
 * ({@link io.quire.query.rebuild.ReadModelCatalogue}), their states and rebuilds ({@link
 * io.quire.query.rebuild.ProjectionRebuilds}), one rebuild's run and cut-over ({@link
 * io.quire.query.rebuild.Rebuild}), and the new copy it builds beside the live tables ({@link
 * io.quire.query.rebuild.ScratchCopy}).
 */
package io.quire.query.rebuild;

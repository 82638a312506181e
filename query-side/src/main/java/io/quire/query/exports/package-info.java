/**
 * Exports on the query side: the read model of exports ({@code export_view}), the snapshot of the
 * tasks each export holds ({@code export_rows}, copied in the request's transaction), and the
 * written files ({@code export_chunks}) with the writers that produce them ({@link
 * io.quire.query.exports.Rfc4180Writer}, {@link io.quire.query.exports.ExportRowWriter}).
 */
package io.quire.query.exports;

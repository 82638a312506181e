/**
 * The event history over HTTP: an org's audit log (its admins) and the whole event stream (staff),
 * as JSON pages or, for the stream, as NDJSON, paged by commit position ({@code after}, {@code
 * next_after}: see {@code io.quire.query.stream.EventStream}); the stream's sealed head and the
 * verification of its seals (staff).
 */
package io.quire.api.audit;

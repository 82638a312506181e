/**
 * Events stored at an older revision, as committed fixtures, still read everywhere: aggregates,
 * history, {@code ?as_of=}, the audit log, the projections (docs/architecture.md, <em>Event
 * revisions and upcasting</em>).
 */
package io.quire.api.upcasting;

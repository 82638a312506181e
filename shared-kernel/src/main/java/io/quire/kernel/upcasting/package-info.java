/**
 * Upcasters: how an event stored at an older revision is read as its current one. Every event is
 * stored once and never rewritten, so a change of an event's shape is a new {@code @Revision} of
 * its record plus an upcaster here from the previous revision, and {@link
 * io.quire.kernel.upcasting.KernelUpcasters} lists them all, in the order they apply. Axon's event
 * store reads through them (the application registers {@link
 * io.quire.kernel.upcasting.KernelUpcasters#chain()}), and so does every reader of stored event
 * rows (docs/architecture.md, <em>Event revisions and upcasting</em>).
 */
package io.quire.kernel.upcasting;

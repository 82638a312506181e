/**
 * The exact event stream: every committed event gets a commit position (1, 2, 3, ... with no gaps,
 * given only after its transaction has committed, by one stamper at a time) and two SHA-256 seals,
 * one chained over the whole history and one over its aggregate's stream ({@link
 * io.quire.query.stream.Stamper}, {@link io.quire.query.stream.SealChain}); {@link
 * io.quire.query.stream.EventStream} stamps in the background and before every read, {@link
 * io.quire.query.stream.Seals} answers the head and verifies the seals. Design:
 * docs/architecture.md, "The exact event stream and its seals".
 */
package io.quire.query.stream;

/**
 * Messages of the user aggregate. Credentials (password hashes, tokens) and e-mail addresses are
 * never part of an event: the event store is replayed and read by auditors.
 */
package io.quire.kernel.accounts;

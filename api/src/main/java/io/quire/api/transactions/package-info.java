/**
 * Work that must run only once a database transaction has committed: {@link
 * io.quire.api.transactions.AfterCommit} is the one way to schedule it.
 */
package io.quire.api.transactions;

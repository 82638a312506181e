/**
 * Accounts: the event-sourced {@link io.quire.command.accounts.User} aggregate, and the credential
 * store beside it (usernames reserved case-insensitively, password hashes, hashed access tokens),
 * which is deliberately not event-sourced: secrets never enter the replayable event history.
 */
package io.quire.command.accounts;

/**
 * Exports: the event-sourced {@link io.quire.command.exports.Export} aggregate, one file of an
 * org's tasks that a background job writes. Only the org's admins may request one (checked through
 * {@link io.quire.command.orgs.MembershipLookup}).
 */
package io.quire.command.exports;

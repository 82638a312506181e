/**
 * Messages of the org aggregate: orgs, their slugs and their memberships. Commands on an existing
 * org may carry an expected version ({@code @TargetAggregateVersion}, Axon's last sequence number).
 */
package io.quire.kernel.orgs;

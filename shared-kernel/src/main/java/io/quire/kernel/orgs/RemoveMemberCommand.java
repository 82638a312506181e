package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** An admin removes a member, or a member leaves; the org must keep at least one admin. */
public record RemoveMemberCommand(
    @TargetAggregateIdentifier OrgId orgId,
    UserId userId,
    UserId actor,
    @TargetAggregateVersion Long expectedVersion) {}

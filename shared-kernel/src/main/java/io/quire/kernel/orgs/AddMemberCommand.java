package io.quire.kernel.orgs;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * An admin adds a user to the org. {@code expectedVersion} (nullable) is the org's last sequence
 * number the actor saw.
 */
public record AddMemberCommand(
    @TargetAggregateIdentifier OrgId orgId,
    UserId userId,
    Role role,
    UserId actor,
    @TargetAggregateVersion Long expectedVersion) {}

package io.quire.kernel.accounts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a new user under an id and a username the credential store has already reserved. */
public record RegisterUserCommand(
    @TargetAggregateIdentifier UserId userId, String username, boolean staff) {}

package io.quire.kernel.accounts;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Erases a user's personal data (crypto-shredding): their key is destroyed, so everything sealed
 * with it reads {@code "[erased]"} from now on. {@code actor} is the staff member who asked.
 */
public record EraseUserPersonalDataCommand(
    @TargetAggregateIdentifier UserId userId, UserId actor) {}

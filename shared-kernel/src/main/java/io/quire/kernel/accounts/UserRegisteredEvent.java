package io.quire.kernel.accounts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user was registered. {@code staff} marks the initial administrator and other staff. */
@Revision("1")
public record UserRegisteredEvent(
    UserId userId, String username, boolean staff, Instant registeredAt) {}

package io.quire.kernel.accounts;

import io.quire.kernel.privacy.PersonalData;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user was registered. {@code staff} marks the initial administrator and other staff. */
@Revision("1")
public record UserRegisteredEvent(
    UserId userId,
    @PersonalData(subject = "userId") String username,
    boolean staff,
    Instant registeredAt) {}

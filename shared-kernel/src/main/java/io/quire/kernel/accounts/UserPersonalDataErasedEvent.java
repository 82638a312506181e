package io.quire.kernel.accounts;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user's personal data was erased: their key is destroyed and every read model scrubbed. It holds
 * who was erased, who asked ({@code actor}, staff) and when; nothing personal.
 */
@Revision("1")
public record UserPersonalDataErasedEvent(UserId userId, UserId actor, Instant erasedAt) {}

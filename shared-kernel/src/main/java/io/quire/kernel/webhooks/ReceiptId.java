package io.quire.kernel.webhooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quire.kernel.common.NameBasedUuid;
import io.quire.kernel.integrations.IntegrationId;
import java.util.Objects;
import java.util.UUID;

/** Identifies a webhook receipt; serialised as its bare UUID string. */
public record ReceiptId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public ReceiptId {
    Objects.requireNonNull(value, "value");
  }

  /** The receipt of the sender's event {@code eventId} at this integration, always the same. */
  public static ReceiptId of(IntegrationId integration, String eventId) {
    return new ReceiptId(NameBasedUuid.of("webhook-receipt", integration.value(), eventId));
  }

  @JsonValue
  @Override
  public UUID value() {
    return value;
  }

  /** Axon routes commands by this string. */
  @Override
  public String toString() {
    return value.toString();
  }
}

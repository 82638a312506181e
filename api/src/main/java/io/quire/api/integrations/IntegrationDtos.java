package io.quire.api.integrations;

import io.quire.api.errors.FieldMessages;
import io.quire.api.web.AbsoluteUrls;
import io.quire.kernel.integrations.IntegrationView;
import io.quire.kernel.webhooks.ReceiptView;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.hibernate.validator.constraints.CodePointLength;

/** The request and response bodies of the integration endpoints (snake_case on the wire). */
final class IntegrationDtos {

  private IntegrationDtos() {}

  record CreateIntegrationRequest(
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "Tracker", maxLength = 100)
          @NotNull(message = FieldMessages.REQUIRED)
          @NotBlank(message = FieldMessages.NOT_BLANK)
          @CodePointLength(
              max = 100,
              message = "Ensure this field has no more than 100 characters.")
          String name) {}

  @Schema(name = "NewIntegration", description = "The one answer that shows the secret.")
  record CreatedIntegrationResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String name,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The signing secret (256 random bits): shown only here; the server keeps it"
                      + " encrypted.")
          String secret,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String webhookUrl,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {

    static CreatedIntegrationResponse of(IntegrationView integration, String secret) {
      return new CreatedIntegrationResponse(
          integration.integrationId().toString(),
          integration.name(),
          secret,
          IntegrationDtos.webhookUrl(integration),
          integration.createdAt());
    }
  }

  @Schema(name = "Integration")
  record IntegrationResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) String name,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String webhookUrl,
      @Schema(requiredMode = RequiredMode.REQUIRED) Instant createdAt) {

    static IntegrationResponse of(IntegrationView integration) {
      return new IntegrationResponse(
          integration.integrationId().toString(),
          integration.name(),
          IntegrationDtos.webhookUrl(integration),
          integration.createdAt());
    }
  }

  @Schema(name = "WebhookReceipt")
  record ReceiptResponse(
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String id,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The sender's event id.")
          String eventId,
      @Schema(requiredMode = RequiredMode.REQUIRED) String type,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "When the first delivery came.")
          Instant receivedAt,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"task_created", "task_status_changed", "no_change", "ignored"})
          String outcome,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "Every delivery, the first too.")
          long deliveries) {

    static ReceiptResponse of(ReceiptView receipt) {
      return new ReceiptResponse(
          receipt.receiptId().toString(),
          receipt.eventId(),
          receipt.type(),
          receipt.receivedAt(),
          receipt.outcome().wireName(),
          receipt.deliveries());
    }
  }

  /** Where the integration's sender delivers, as an absolute URL on this server. */
  static String webhookUrl(IntegrationView integration) {
    return AbsoluteUrls.of("/api/v1/webhooks/{id}/", integration.integrationId());
  }
}

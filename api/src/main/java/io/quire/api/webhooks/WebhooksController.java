package io.quire.api.webhooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.accounts.WithoutTokens;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ErrorCode;
import io.quire.api.errors.PayloadTooLargeException;
import io.quire.command.webhooks.WebhookDeliveries;
import io.quire.command.webhooks.WebhookVerifier;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiveWebhookCommand;
import io.quire.kernel.webhooks.WebhookReceiptAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incoming webhooks. A delivery is verified against the integration it names before anything of its
 * body is believed, then taken exactly once: the first delivery of an event id answers 202, every
 * later one (concurrent, or after a restart) 200 with the same receipt id and no effect.
 */
@RestController
@Tag(name = "Webhooks")
@WithoutTokens
class WebhooksController {

  /** The largest body a delivery may have. */
  static final int MAX_BODY_BYTES = 256 * 1024;

  static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
  static final String SIGNATURE_HEADER = "X-Webhook-Signature";

  private final WebhookVerifier verifier;
  private final WebhookDeliveries deliveries;
  private final ObjectMapper json;

  WebhooksController(WebhookVerifier verifier, WebhookDeliveries deliveries, ObjectMapper json) {
    this.verifier = verifier;
    this.deliveries = deliveries;
    this.json = json;
  }

  @PostMapping(
      value = "/api/v1/webhooks/{integrationId}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Deliver a signed event",
      description =
          "Signed with `X-Webhook-Signature: v1=<hex HMAC-SHA256(secret, timestamp + \".\" +"
              + " raw body)>` and `X-Webhook-Timestamp` (Unix seconds, within 300 s of the"
              + " server's clock). The body is `{id, type, occurred_at, data}`, at most 256 KiB."
              + " `task.created` (`data: {external_id, title, description?}`) creates a task;"
              + " `task.status_changed` (`data: {external_id, status}`) sets its status (409 while"
              + " the external id has no task yet, so a retry after its creation works); other"
              + " types are recorded with outcome `ignored`.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON_VALUE,
                      schema = @Schema(implementation = DeliveryBody.class))))
  @ApiResponse(
      responseCode = "202",
      description = "The first delivery of this event id: its effect has happened.",
      content = @Content(schema = @Schema(implementation = DeliveryAnswer.class)))
  @ApiResponse(
      responseCode = "200",
      description = "A later delivery of an event id already received: no effect.",
      content = @Content(schema = @Schema(implementation = DeliveryAnswer.class)))
  @ApiErrors({
    ErrorCode.VALIDATION_ERROR,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    ErrorCode.INVALID_SIGNATURE,
    ErrorCode.STALE_TIMESTAMP,
    ErrorCode.PAYLOAD_TOO_LARGE,
    ErrorCode.CONFLICT
  })
  ResponseEntity<DeliveryAnswer> deliver(
      @PathVariable String integrationId,
      @Parameter(description = "Unix seconds.")
          @RequestHeader(name = TIMESTAMP_HEADER, required = false)
          String timestamp,
      @Parameter(description = "`v1=<hex>`; several may be given, comma-separated.")
          @RequestHeader(name = SIGNATURE_HEADER, required = false)
          String signature,
      HttpServletRequest request)
      throws IOException {
    byte[] body = body(request);
    WebhookVerifier.Sender sender = verifier.verify(integrationId, timestamp, signature, body);
    WebhookPayload payload = WebhookPayload.read(body, json);
    IntegrationId integration = sender.integrationId();
    WebhookReceiptAnswer answer =
        deliveries.receive(
            new ReceiveWebhookCommand(
                ReceiptId.of(integration, payload.eventId()),
                integration,
                sender.orgId(),
                payload.eventId(),
                payload.type(),
                payload.occurredAt(),
                payload.action()));
    return ResponseEntity.status(answer.duplicate() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(
            new DeliveryAnswer(
                answer.duplicate() ? "duplicate" : "accepted", answer.receiptId().toString()));
  }

  /** The raw body, read once; 413 beyond {@link #MAX_BODY_BYTES}. */
  private static byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      throw new PayloadTooLargeException();
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new PayloadTooLargeException();
      }
      return body;
    }
  }

  @Schema(name = "WebhookDeliveryAnswer")
  record DeliveryAnswer(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"accepted", "duplicate"})
          String status,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "uuid") String receiptId) {}

  @Schema(name = "WebhookDelivery")
  record DeliveryBody(
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "The sender's event id.")
          String id,
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "task.created") String type,
      @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time") String occurredAt,
      @Schema(description = "The event's data; its shape depends on `type`.") Object data) {}
}

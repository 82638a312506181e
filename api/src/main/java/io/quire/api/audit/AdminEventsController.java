package io.quire.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quire.api.accounts.CurrentUser;
import io.quire.api.audit.AuditDtos.AuditEntryResponse;
import io.quire.api.audit.AuditDtos.AuditPageResponse;
import io.quire.api.audit.AuditDtos.SealCheckResponse;
import io.quire.api.audit.AuditDtos.SealedHeadResponse;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.web.AcceptHeader;
import io.quire.api.web.ReadModels;
import io.quire.kernel.audit.AuditEntry;
import io.quire.kernel.audit.AuditFilter;
import io.quire.kernel.audit.AuditPage;
import io.quire.kernel.audit.EventStreamHeadQuery;
import io.quire.kernel.audit.EventStreamQuery;
import io.quire.kernel.audit.OrgAuditQuery;
import io.quire.kernel.audit.SealCheck;
import io.quire.kernel.audit.SealedHead;
import io.quire.kernel.audit.VerifySealsQuery;
import io.quire.kernel.orgs.FindOrgIdQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.query.events.EventCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole event stream, for staff: as JSON pages, or with {@code Accept: application/x-ndjson} as
 * one event a line, streamed in pages of {@value AuditParameters#MAX_LIMIT} from {@code after}
 * until it has caught up with the head (or has written {@code limit} events), so a replay of the
 * whole history needs one request and the server's memory holds one page. One handler method
 * chooses between the two ({@link AcceptHeader}, q-values honoured), after the request is
 * authenticated and its parameters checked, as every endpoint answers 401 and 400 before 406.
 */
@RestController
@RequestMapping("/api/v1/admin/events")
@Tag(name = "Audit")
class AdminEventsController {

  private static final Logger LOG = LoggerFactory.getLogger(AdminEventsController.class);

  static final String NDJSON = "application/x-ndjson";

  /** What the stream answers, JSON first: the choice of {@code *}{@code /*} and of a tie. */
  private static final List<MediaType> OFFERED =
      List.of(MediaType.APPLICATION_JSON, MediaType.parseMediaType(NDJSON));

  private final ReadModels readModels;
  private final EventCatalogue catalogue;
  private final ObjectWriter lines;

  AdminEventsController(ReadModels readModels, EventCatalogue catalogue, ObjectMapper json) {
    this.readModels = readModels;
    this.catalogue = catalogue;
    this.lines = json.writerFor(AuditEntryResponse.class);
  }

  @GetMapping
  @Operation(
      summary = "The whole event stream (staff)",
      description =
          "Every event in commit order, in the audit log's shape and paging. With `Accept:"
              + " application/x-ndjson`, one event a line, streamed until caught up. `Accept`"
              + " q-values are honoured: the higher wins, `q=0` is never chosen, `*/*` or a tie"
              + " is JSON; neither acceptable is 406 (after 401, 403 and 400).")
  @ApiResponse(
      responseCode = "200",
      description = "A page, or with `Accept: application/x-ndjson` one event a line.",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = AuditPageResponse.class)),
        @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditEntryResponse.class))
      })
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_ACCEPTABLE})
  AuditPageResponse page(
      CurrentUser user,
      @ParameterObject AuditParameters params,
      @Parameter(description = "Only the events of this org's aggregates (the org's slug).")
          @RequestParam(name = "org", required = false)
          String org,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    user.requireStaff();
    AuditFilter asked = params.filter(catalogue);
    OrgId orgId = org == null || org.isBlank() ? null : orgWithSlug(org.strip());
    MediaType chosen =
        AcceptHeader.choose(request, OFFERED)
            .orElseThrow(
                () ->
                    new ApiException(
                        ErrorCode.NOT_ACCEPTABLE,
                        "Only application/json and application/x-ndjson responses are"
                            + " available."));
    if (!chosen.equals(MediaType.APPLICATION_JSON)) {
      stream(asked, orgId, params, response);
      // Answered: the response argument marks the request handled, so null writes nothing more.
      return null;
    }
    // Chosen here, once: Spring's converters are not to negotiate again.
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    return AuditPageResponse.of(readModels.get(query(asked, orgId), AuditPage.class));
  }

  /** The org with this slug; 400 naming {@code org} when there is none. */
  private OrgId orgWithSlug(String slug) {
    return readModels
        .find(new FindOrgIdQuery(slug), OrgId.class)
        .orElseThrow(() -> ApiException.invalid(Map.of("org", List.of("No org has this slug."))));
  }

  /** The whole stream, or one org's part of it. */
  private static Object query(AuditFilter filter, OrgId orgId) {
    return orgId == null ? new EventStreamQuery(filter) : new OrgAuditQuery(orgId, filter);
  }

  private void stream(
      AuditFilter asked, OrgId orgId, AuditParameters params, HttpServletResponse response)
      throws IOException {
    response.setContentType(NDJSON);
    response.setCharacterEncoding("UTF-8");
    try {
      write(asked, orgId, params.streamLimit(), response.getOutputStream());
    } catch (IOException clientGone) {
      // The client closed the connection mid-stream: nothing to answer, nothing to report.
      LOG.debug("event stream ended by the client: {}", clientGone.toString());
    }
  }

  /** Writes pages of events as lines until caught up or {@code remaining} are written. */
  private void write(AuditFilter asked, OrgId orgId, long remaining, OutputStream out)
      throws IOException {
    long after = asked.after();
    while (remaining > 0) {
      int size = (int) Math.min(remaining, AuditParameters.MAX_LIMIT);
      AuditPage page =
          readModels.get(
              query(
                  new AuditFilter(after, size, asked.type(), asked.since(), asked.until()), orgId),
              AuditPage.class);
      for (AuditEntry entry : page.results()) {
        out.write(lines.writeValueAsBytes(AuditEntryResponse.of(entry)));
        out.write('\n');
      }
      out.flush();
      remaining -= page.results().size();
      if (page.results().size() < size) {
        break;
      }
      after = page.nextAfter();
    }
  }

  @GetMapping("/head")
  @Operation(
      summary = "The newest commit position and its seal (staff)",
      description =
          "Write the answer down: `verify/` later proves that nothing up to that position changed"
              + " as long as the chain still reaches that hash there.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED})
  SealedHeadResponse head(CurrentUser user) {
    user.requireStaff();
    return SealedHeadResponse.of(readModels.get(new EventStreamHeadQuery(), SealedHead.class));
  }

  @GetMapping("/verify")
  @Operation(
      summary = "Recompute the seals (staff)",
      description =
          "The whole history, or with `aggregate_id` one aggregate's stream: every event's seal"
              + " recomputed from the event as stored, and the first link that does not hold.")
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_FOUND})
  SealCheckResponse verify(
      CurrentUser user,
      @Parameter(
              name = "aggregate_id",
              description = "Check only this aggregate's stream (404 if it has no events).")
          @RequestParam(name = "aggregate_id", required = false)
          String aggregateId) {
    user.requireStaff();
    String id = aggregateId == null || aggregateId.isBlank() ? null : aggregateId.strip();
    SealCheck check =
        readModels
            .find(new VerifySealsQuery(id), SealCheck.class)
            .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
    return SealCheckResponse.of(check);
  }
}

package io.quire.api.exports;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.exports.ExportDtos.CreateExportRequest;
import io.quire.api.exports.ExportDtos.ExportFileRow;
import io.quire.api.exports.ExportDtos.ExportRequestedResponse;
import io.quire.api.exports.ExportDtos.ExportResponse;
import io.quire.api.orgs.OrgAdminsOnly;
import io.quire.api.web.AbsoluteUrls;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.api.web.Versions;
import io.quire.kernel.exports.ExportFormat;
import io.quire.kernel.exports.ExportId;
import io.quire.kernel.exports.ExportStatus;
import io.quire.kernel.exports.ExportView;
import io.quire.kernel.exports.FindExportQuery;
import io.quire.kernel.exports.RequestExportCommand;
import io.quire.kernel.orgs.OrgAccess;
import io.quire.query.exports.ExportFiles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of an org's tasks, for its admins (other members get 403, anyone else the 404 of an
 * unknown org). A request answers 202 at once; a background job writes the file ({@link
 * ExportJobs}), which the detail's {@code download_url} serves once the export is {@code done}.
 */
@RestController
@RequestMapping("/api/v1/orgs/{slug}/exports")
@Tag(name = "Exports")
class ExportsController {

  static final String CSV = "text/csv; charset=UTF-8";
  static final String JSON = "application/json";

  private final CommandGateway commands;
  private final ReadModels readModels;
  private final ExportFiles files;

  ExportsController(CommandGateway commands, ReadModels readModels, ExportFiles files) {
    this.commands = commands;
    this.readModels = readModels;
    this.files = files;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  @OrgAdminsOnly
  @Operation(
      summary = "Request an export of the org's tasks (admins)",
      description =
          "The file holds the org's tasks (only those of `status`, if given) as they stand now;"
              + " later changes are not in it. Answers 202 at once, `pending`; `Location` is the"
              + " export's detail, to poll until `done`.")
  @ApiErrors(ErrorCode.PERMISSION_DENIED)
  ExportRequestedResponse create(
      CurrentUser user,
      @PathVariable String slug,
      OrgAccess access,
      @Valid @RequestBody CreateExportRequest request,
      HttpServletResponse response) {
    ExportId id = ExportId.random();
    commands.sendAndWait(
        new RequestExportCommand(
            id, access.orgId(), request.format(), request.status(), user.id()));
    ExportView export = find(access, id);
    response.setHeader(HttpHeaders.LOCATION, "/api/v1/orgs/" + slug + "/exports/" + id + "/");
    return ExportRequestedResponse.of(export);
  }

  @GetMapping("/{exportId}")
  @OrgAdminsOnly
  @Operation(
      summary = "One export (admins)",
      description = "`download_url` is the file's absolute URL once the export is `done`.")
  @ApiErrors(ErrorCode.PERMISSION_DENIED)
  ExportResponse one(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String exportId,
      OrgAccess access,
      HttpServletResponse response) {
    ExportView export = find(access, new ExportId(PathIds.uuid(exportId)));
    response.setHeader(HttpHeaders.ETAG, Versions.etag(export.version()));
    return ExportResponse.of(export, downloadUrl(slug, export.id()));
  }

  @GetMapping("/{exportId}/download")
  @OrgAdminsOnly
  @Operation(
      summary = "An export's file (admins)",
      description =
          "CSV (RFC 4180, UTF-8, a header row) or a JSON array, as an attachment. 409"
              + " `not_ready` until the export is `done`.",
      responses =
          @ApiResponse(
              responseCode = "200",
              description = "The file",
              content = {
                @Content(mediaType = CSV, schema = @Schema(type = "string")),
                @Content(
                    mediaType = JSON,
                    array = @ArraySchema(schema = @Schema(implementation = ExportFileRow.class)))
              }))
  @ApiErrors({ErrorCode.PERMISSION_DENIED, ErrorCode.NOT_READY})
  void download(
      CurrentUser user,
      @PathVariable String slug,
      @PathVariable String exportId,
      OrgAccess access,
      HttpServletResponse response)
      throws IOException {
    ExportView export = find(access, new ExportId(PathIds.uuid(exportId)));
    if (export.status() != ExportStatus.DONE) {
      throw new ApiException(
          ErrorCode.NOT_READY,
          export.status() == ExportStatus.FAILED
              ? "The export failed; it has no file."
              : ErrorCode.NOT_READY.defaultMessage(),
          Map.of("status", export.status().wireName()),
          new HttpHeaders());
    }
    boolean csv = export.format() == ExportFormat.CSV;
    response.setContentType(csv ? CSV : JSON);
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment()
            .filename("tasks-" + slug + "-" + export.id() + "." + export.format().wireName())
            .build()
            .toString());
    files.copyTo(export.id(), response.getOutputStream());
  }

  private ExportView find(OrgAccess access, ExportId id) {
    return readModels
        .find(new FindExportQuery(access.orgId(), id), ExportView.class)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
  }

  /** The absolute URL of the export's file, built from this request as list page links are. */
  private static String downloadUrl(String slug, ExportId id) {
    return AbsoluteUrls.of("/api/v1/orgs/{slug}/exports/{id}/download/", slug, id);
  }
}

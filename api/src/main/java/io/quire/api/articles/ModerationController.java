package io.quire.api.articles;

import io.quire.api.accounts.CurrentUser;
import io.quire.api.articles.ArticleDtos.CommentResponse;
import io.quire.api.articles.ArticleDtos.RejectCommentRequest;
import io.quire.api.errors.ApiErrors;
import io.quire.api.errors.ApiException;
import io.quire.api.errors.ErrorCode;
import io.quire.api.errors.FieldMessages;
import io.quire.api.web.NoFields;
import io.quire.api.web.PageParams;
import io.quire.api.web.PageResponse;
import io.quire.api.web.PathIds;
import io.quire.api.web.ReadModels;
import io.quire.api.web.WireNames;
import io.quire.kernel.comments.ApproveCommentCommand;
import io.quire.kernel.comments.CommentId;
import io.quire.kernel.comments.CommentPage;
import io.quire.kernel.comments.CommentStatus;
import io.quire.kernel.comments.CommentView;
import io.quire.kernel.comments.FindCommentQuery;
import io.quire.kernel.comments.ListCommentsForModerationQuery;
import io.quire.kernel.comments.RejectCommentCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The moderation queue (staff only): comments wait here until approved or rejected. */
@RestController
@RequestMapping("/api/v1/moderation/comments")
@Tag(name = "Moderation")
class ModerationController {

  private final CommandGateway commands;
  private final ReadModels readModels;

  ModerationController(CommandGateway commands, ReadModels readModels) {
    this.commands = commands;
    this.readModels = readModels;
  }

  @GetMapping
  @Operation(summary = "Comments by moderation state (staff)", description = "Oldest first.")
  @ApiErrors(ErrorCode.PERMISSION_DENIED)
  PageResponse<CommentResponse> queue(
      CurrentUser user,
      @Parameter(
              schema =
                  @Schema(
                      allowableValues = {"pending", "approved", "rejected"},
                      defaultValue = "pending"))
          @RequestParam(required = false)
          String status,
      @ParameterObject PageParams page) {
    user.requireStaff();
    CommentPage comments =
        readModels.get(
            new ListCommentsForModerationQuery(status(status), page.number(), page.size()),
            CommentPage.class);
    return PageResponse.of(comments.count(), comments.results(), page, CommentResponse::of);
  }

  @PostMapping("/{commentId}/approve")
  @Operation(summary = "Approve a comment (staff)")
  @ApiErrors(ErrorCode.PERMISSION_DENIED)
  CommentResponse approve(
      CurrentUser user,
      @PathVariable String commentId,
      @RequestBody(required = false) NoFields body) {
    user.requireStaff();
    CommentId id = existing(commentId);
    commands.sendAndWait(new ApproveCommentCommand(id, user.id(), user.staff()));
    return CommentResponse.of(find(id));
  }

  @PostMapping("/{commentId}/reject")
  @Operation(
      summary = "Reject a comment (staff)",
      description = "The body and reason are optional.")
  @ApiErrors(ErrorCode.PERMISSION_DENIED)
  CommentResponse reject(
      CurrentUser user,
      @PathVariable String commentId,
      @Valid @RequestBody(required = false) RejectCommentRequest request) {
    user.requireStaff();
    CommentId id = existing(commentId);
    String reason = request == null ? null : request.reason();
    commands.sendAndWait(
        new RejectCommentCommand(
            id,
            user.id(),
            user.staff(),
            reason == null || reason.isBlank() ? null : reason.strip()));
    return CommentResponse.of(find(id));
  }

  private CommentId existing(String commentId) {
    CommentId id = new CommentId(PathIds.uuid(commentId));
    find(id);
    return id;
  }

  private CommentView find(CommentId id) {
    return readModels
        .find(new FindCommentQuery(id), CommentView.class)
        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND));
  }

  private static CommentStatus status(String status) {
    if (status == null || status.isBlank()) {
      return CommentStatus.PENDING;
    }
    return WireNames.find(CommentStatus.values(), CommentStatus::wireName, status)
        .orElseThrow(() -> ApiException.invalid("status", FieldMessages.notAChoice(status)));
  }
}

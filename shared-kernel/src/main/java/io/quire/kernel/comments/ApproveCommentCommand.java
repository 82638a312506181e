package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A moderator (staff) approves a comment; approving an approved comment changes nothing. */
public record ApproveCommentCommand(
    @TargetAggregateIdentifier CommentId commentId, UserId moderator, boolean moderatorIsStaff) {}

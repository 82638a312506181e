package io.quire.kernel.comments;

import io.quire.kernel.accounts.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A moderator (staff) rejects a comment, with an optional reason; rejecting a rejected comment
 * changes nothing.
 */
public record RejectCommentCommand(
    @TargetAggregateIdentifier CommentId commentId,
    UserId moderator,
    boolean moderatorIsStaff,
    String reason) {}

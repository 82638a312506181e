package io.quire.kernel.comments;

/** Asks for one comment; answers an {@code Optional<CommentView>}. */
public record FindCommentQuery(CommentId commentId) {}

package io.quire.kernel.comments;

import java.util.List;

/** One page of comments and the total count. */
public record CommentPage(long count, List<CommentView> results) {}

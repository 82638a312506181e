/**
 * Messages of the comment aggregate: a comment on a published article and its moderation (pending,
 * approved, rejected).
 */
package io.quire.kernel.comments;

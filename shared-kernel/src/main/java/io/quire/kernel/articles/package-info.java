/**
 * Messages of the article aggregate: drafts, edits, publication and archiving. Tags in messages are
 * always normalised slugs.
 */
package io.quire.kernel.articles;

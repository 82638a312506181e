/**
 * The query side: projections that build read models from the event stream, one {@code
 * ...Projection} per read model with an explicit processing group, and the query handlers that
 * serve them. Never depends on the command side.
 */
package io.quire.query;

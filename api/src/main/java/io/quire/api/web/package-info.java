/**
 * Cross-cutting HTTP behaviour: trailing slashes, the request size limit, TRACE, the reading of
 * request values (text that can be stored, dates, lengths in characters), request mapping helpers,
 * pages and versions on the wire.
 */
package io.quire.api.web;

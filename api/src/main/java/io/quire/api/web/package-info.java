/**
 * Cross-cutting HTTP behaviour: trailing slashes, the request size limit, request mapping helpers.
 */
package io.quire.api.web;

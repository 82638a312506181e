/**
 * The HTTP API: thin controllers mapping requests to commands and queries, authentication, the
 * error envelope, and the application's configuration.
 */
package io.quire.api;

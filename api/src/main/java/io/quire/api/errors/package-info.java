/**
 * The JSON error envelope: one advice owns it; filters, the error page and Tomcat's own error
 * reports render it the same way.
 */
package io.quire.api.errors;

/**
 * The operator page at {@code /admin/}: a self-contained HTML page (its script and style sheet are
 * files of the jar, {@code classpath:/admin/}) over the staff endpoints of the API: projections and
 * their rebuilds, the event stream, its seals. It holds no logic of its own on the server.
 */
package io.quire.api.adminpage;

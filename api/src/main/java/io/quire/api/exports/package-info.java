/**
 * Exports of an org's tasks: the endpoints ({@code ExportsController}) and the background jobs that
 * write the files ({@link io.quire.api.exports.ExportJobs}), dispatched after the request commits
 * and recovered after a restart.
 */
package io.quire.api.exports;

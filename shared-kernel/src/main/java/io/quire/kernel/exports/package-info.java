/**
 * Messages of the export aggregate: an org admin requests a file of the org's tasks (CSV or JSON),
 * which a background job then writes. An export moves {@code pending -> running -> done | failed};
 * a restart may start a running export again.
 */
package io.quire.kernel.exports;

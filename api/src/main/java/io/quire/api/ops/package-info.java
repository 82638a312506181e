/** Operational endpoints: readiness, liveness, API documentation. */
package io.quire.api.ops;

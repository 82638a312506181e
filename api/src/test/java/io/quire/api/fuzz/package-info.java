/**
 * Schema-driven fuzzing of the running application from its own OpenAPI document ({@link
 * io.quire.api.fuzz.OpenApiFuzzIntegrationProperties}): generated valid and broken requests for
 * every operation, and the document's promises checked on every answer.
 */
package io.quire.api.fuzz;

package io.quire.api.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The errors an endpoint answers beyond those every endpoint may answer (documented for all by
 * {@code io.quire.api.config.OpenApiConfiguration}): listed in the OpenAPI document with the
 * envelope schema.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiErrors {
  ErrorCode[] value();
}

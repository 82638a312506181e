package io.quire.api.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller whose endpoints do not look at {@code Authorization} at all: webhook
 * deliveries (authenticated by their signature) and the probes. A header that a sender's or an
 * orchestrator's own setup adds is then no Quire token to refuse with 401 {@code invalid_token}.
 * {@link TokenAuthenticationInterceptor} and the OpenAPI document both read it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WithoutTokens {}

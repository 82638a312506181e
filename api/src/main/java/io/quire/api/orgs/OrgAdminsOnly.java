package io.quire.api.orgs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an org endpoint that only the org's admins may call: {@link OrgAccessInterceptor} answers
 * 403 {@code permission_denied} to other members before the body is read. The aggregate enforces
 * the same rule again; this only makes the answer come first, as Django REST Framework's permission
 * classes do.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface OrgAdminsOnly {}

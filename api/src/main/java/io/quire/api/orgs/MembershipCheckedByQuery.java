package io.quire.api.orgs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an org endpoint whose one query checks the caller's membership itself (joins the org's
 * members), so {@link OrgAccessInterceptor} does not look it up first: a read that is one statement
 * instead of two. The endpoint must answer a non-member exactly as the interceptor would (the 404
 * of an org that does not exist) before it looks at anything else the request says, or call {@link
 * OrgAccessInterceptor#lookUp} first where it must.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface MembershipCheckedByQuery {}

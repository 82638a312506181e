package io.quire.command.orgs;

import java.util.regex.Pattern;

/**
 * The org slug rules: 3 to 50 characters, lower-case letters and digits in words joined by single
 * hyphens ({@code ^[a-z0-9]+(?:-[a-z0-9]+)*$}, the tag slug pattern). Uniqueness is the job of the
 * {@code org_slugs} table.
 */
public final class OrgSlugPolicy {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 50;
  private static final Pattern PATTERN = Pattern.compile("^[a-z0-9]+(?:-[a-z0-9]+)*$");

  private OrgSlugPolicy() {}

  public static boolean isValid(String slug) {
    return slug != null
        && slug.length() >= MIN_LENGTH
        && slug.length() <= MAX_LENGTH
        && PATTERN.matcher(slug).matches();
  }
}

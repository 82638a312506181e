package io.quire.command.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The username rules: 3 to 150 characters of {@code [A-Za-z0-9_.-]}, unique regardless of case (two
 * names are the same account when their {@link #key(String) keys} are equal).
 */
public final class UsernamePolicy {

  public static final int MIN_LENGTH = 3;
  public static final int MAX_LENGTH = 150;
  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]+");

  private UsernamePolicy() {}

  public static boolean isValid(String username) {
    return username != null
        && username.length() >= MIN_LENGTH
        && username.length() <= MAX_LENGTH
        && ALLOWED.matcher(username).matches();
  }

  /** The case-insensitive identity of a username, as stored in the unique index. */
  public static String key(String username) {
    return username.toLowerCase(Locale.ROOT);
  }
}

package io.quire.api.web;

import io.quire.api.errors.ApiException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Timestamps in query parameters ({@code ?as_of=}, {@code ?since=}, {@code ?until=}): ISO-8601 with
 * an offset, such as {@code 2026-03-01T12:00:00Z} or {@code 2026-03-01T14:00:00+02:00}. A {@code +}
 * that arrived as a space (an unencoded query string) is read as the {@code +} it was. Years are
 * 0001 to 9999, as for dates: the databases store no other (PostgreSQL's timestamps end in the year
 * 294276, and a later one answered 500 before this was checked).
 */
public final class Timestamps {

  public static final String MESSAGE = "Enter an ISO-8601 timestamp such as 2026-03-01T12:00:00Z.";

  private Timestamps() {}

  /** The instant {@code text} names, or empty when it names none. */
  public static Optional<Instant> parse(String text) {
    try {
      OffsetDateTime at = OffsetDateTime.parse(text.strip().replace(' ', '+'));
      int year = at.withOffsetSameInstant(ZoneOffset.UTC).getYear();
      return year < 1 || year > 9999 ? Optional.empty() : Optional.of(at.toInstant());
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The instant in query parameter {@code name}.
   *
   * @throws ApiException 400 on that parameter when it names no instant
   */
  public static Instant required(String name, String text) {
    return parse(text).orElseThrow(() -> ApiException.invalid(name, MESSAGE));
  }
}

package io.quire.command.testing;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.orgs.OrgId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The fixed time and the cast the command-side tests share. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  public static final OrgId ACME = OrgId.of("0a000000-0000-4000-8000-000000000001");
  public static final OrgId GLOBEX = OrgId.of("0a000000-0000-4000-8000-000000000002");

  public static final UserId ALICE = user(1);
  public static final UserId BOB = user(2);
  public static final UserId CAROL = user(3);
  public static final UserId DAVE = user(4);
  public static final UserId EVE = user(5);

  /** A small pool of users, for properties that pick actors and targets among them. */
  public static final List<UserId> PEOPLE = List.of(ALICE, BOB, CAROL, DAVE, EVE);

  private Fixtures() {}

  /** A user with a readable, fixed id: {@code user(7)} is {@code 0b...0007}. */
  public static UserId user(int n) {
    return new UserId(UUID.fromString(String.format("0b000000-0000-4000-8000-%012d", n)));
  }
}

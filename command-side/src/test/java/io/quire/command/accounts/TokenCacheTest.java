package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.command.accounts.LoginThrottleTest.MovableClock;
import io.quire.kernel.accounts.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

  private static final AccountView ALICE =
      new AccountView(new UserId(UUID.randomUUID()), "alice", "alice@example.com", false);

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final CountingLookup database = new CountingLookup();

  @Test
  void aFoundHolderIsServedFromMemoryUntilItsTimeToLiveHasPassed() {
    database.holders.put("hash-a", ALICE);
    TokenCache cache = cacheFor(Duration.ofMinutes(5));

    assertThat(cache.holderOf("hash-a")).contains(ALICE);
    clock.advance(Duration.ofMinutes(4));
    assertThat(cache.holderOf("hash-a")).contains(ALICE);
    assertThat(database.lookups).isEqualTo(1);

    database.holders.remove("hash-a");
    clock.advance(Duration.ofMinutes(1));

    assertThat(cache.holderOf("hash-a")).as("looked up again, and gone").isEmpty();
    assertThat(database.lookups).isEqualTo(2);
  }

  @Test
  void anUnknownTokenIsLookedUpAgainOnItsNextUse() {
    TokenCache cache = cacheFor(Duration.ofMinutes(5));

    assertThat(cache.holderOf("hash-b")).isEmpty();
    database.holders.put("hash-b", ALICE);

    assertThat(cache.holderOf("hash-b")).as("a token issued a moment later").contains(ALICE);
    assertThat(database.lookups).isEqualTo(2);
  }

  @Test
  void aZeroTimeToLiveLooksEveryTokenUpEveryTime() {
    database.holders.put("hash-c", ALICE);
    TokenCache cache = cacheFor(Duration.ZERO);

    cache.holderOf("hash-c");
    cache.holderOf("hash-c");

    assertThat(database.lookups).isEqualTo(2);
  }

  private TokenCache cacheFor(Duration ttl) {
    return new TokenCache(
        database, new AccountsProperties(1000, 5, Duration.ofMinutes(15), ttl), clock);
  }

  /** The credential store's token lookup, in memory, counting the questions it is asked. */
  private static final class CountingLookup extends TokenLookup {
    final Map<String, AccountView> holders = new HashMap<>();
    int lookups;

    CountingLookup() {
      super(null);
    }

    @Override
    Optional<AccountView> holderOf(String tokenHash) {
      lookups++;
      return Optional.ofNullable(holders.get(tokenHash));
    }
  }
}

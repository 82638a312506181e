package io.quire.command.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quire.kernel.accounts.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The holders of recently used tokens, so that an authenticated request does not ask the database
 * who holds its token every time (docs/performance.md). Only tokens that were found are kept (an
 * unknown token is looked up again on its next use, so a token issued a moment ago works at once),
 * at most {@value #MAX_TOKENS} of them, each for {@code quire.accounts.token-cache-ttl} after it
 * was looked up.
 *
 * <p>Safe to keep because nothing about a token's holder changes while it is cached: tokens never
 * expire and the API has no way to revoke one, and an account's id, username, e-mail address and
 * staff flag are never edited, but for an erasure, which deletes the user's tokens and forgets them
 * here ({@link #forget}; another server forgets them after the time to live). A token deleted from
 * the database by an operator stops working after the time to live at the latest. Expiry reads the
 * application's {@link Clock}.
 */
@Component
class TokenCache {

  static final int MAX_TOKENS = 100_000;

  private final TokenLookup lookup;
  private final Cache<String, AccountView> holders;

  TokenCache(TokenLookup lookup, AccountsProperties properties, Clock clock) {
    this.lookup = lookup;
    this.holders =
        Caffeine.newBuilder()
            .maximumSize(MAX_TOKENS)
            .expireAfterWrite(nonNegative(properties.tokenCacheTtl()))
            .ticker(ticker(clock))
            // Evictions are done by the calling thread: no pool thread, no timing to depend on.
            .executor(Runnable::run)
            .build();
  }

  /** The account holding a token hash, if any: from the cache, or looked up and then cached. */
  Optional<AccountView> holderOf(String tokenHash) {
    return Optional.ofNullable(holders.get(tokenHash, hash -> lookup.holderOf(hash).orElse(null)));
  }

  /** Forgets every token of this user held here (their tokens were deleted: an erasure). */
  void forget(UserId user) {
    holders.asMap().values().removeIf(holder -> holder.id().equals(user));
  }

  private static Duration nonNegative(Duration ttl) {
    return ttl == null || ttl.isNegative() ? Duration.ZERO : ttl;
  }

  private static Ticker ticker(Clock clock) {
    return () -> {
      Instant now = clock.instant();
      return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    };
  }
}

package io.quire.command.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the accounts context ({@code quire.accounts.*}); their defaults are in the
 * application's {@code application.yml}, with the rest of the configuration.
 *
 * @param passwordHashIterations PBKDF2-HMAC-SHA256 iterations per password hash
 * @param maxFailedLogins wrong passwords in a row that lock a username out for a while
 * @param failedLoginWindow how long a lock-out lasts, and how far apart failures may be
 * @param tokenCacheTtl how long a token's holder, once looked up, is served from memory ({@link
 *     TokenCache}); zero looks every token up on every request
 */
@ConfigurationProperties("quire.accounts")
public record AccountsProperties(
    int passwordHashIterations,
    int maxFailedLogins,
    Duration failedLoginWindow,
    Duration tokenCacheTtl) {}

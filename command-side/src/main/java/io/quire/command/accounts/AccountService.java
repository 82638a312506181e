package io.quire.command.accounts;

import io.quire.command.common.CommandRetries;
import io.quire.kernel.accounts.EraseUserPersonalDataCommand;
import io.quire.kernel.accounts.RegisterUserCommand;
import io.quire.kernel.accounts.UserId;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registration, token issue and token authentication.
 *
 * <p>Registration reserves the username in the credential store and sends {@link
 * RegisterUserCommand} in one transaction: the account row, the unique username key and the user's
 * first event commit together or not at all.
 */
@Service
public class AccountService {

  private final AccountRepository accounts;
  private final AccessTokenRepository tokens;
  private final TokenCache tokenCache;
  private final PasswordEncoder passwordEncoder;
  private final LoginThrottle throttle;
  private final CommandGateway commandGateway;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final String dummyHash;

  AccountService(
      AccountRepository accounts,
      AccessTokenRepository tokens,
      TokenCache tokenCache,
      PasswordEncoder passwordEncoder,
      LoginThrottle throttle,
      CommandBus commandBus,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.accounts = accounts;
    this.tokens = tokens;
    this.tokenCache = tokenCache;
    this.passwordEncoder = passwordEncoder;
    this.throttle = throttle;
    // Sent inside this service's own transaction: never through the retrying gateway, whose retry
    // would commit on another thread while this transaction rolls back (CommandRetries).
    this.commandGateway = CommandRetries.withoutRetries(commandBus);
    this.transaction = new TransactionTemplate(transactionManager);
    this.clock = clock;
    // Compared against when the username is unknown, so both paths cost one slow hash.
    this.dummyHash = passwordEncoder.encode("not-a-password-" + UUID.randomUUID());
  }

  /**
   * Registers an account; the caller has checked the input's shape.
   *
   * @throws UsernameTakenException when the username exists in any letter case
   */
  public AccountView register(String username, String email, String password, boolean staff) {
    if (accounts.existsByUsernameKey(UsernamePolicy.key(username))) {
      throw new UsernameTakenException(username);
    }
    String passwordHash = passwordEncoder.encode(password);
    UserId id = new UserId(UUID.randomUUID());
    try {
      return CommandRetries.inTransactionRetried(
          transaction,
          () -> {
            Account account =
                accounts.saveAndFlush(
                    new Account(id.value(), username, email, passwordHash, staff, clock.instant()));
            commandGateway.sendAndWait(new RegisterUserCommand(id, username, staff));
            return AccountView.of(account);
          });
    } catch (DataIntegrityViolationException raced) {
      throw new UsernameTakenException(username);
    }
  }

  /**
   * Issues a new token for a username and password.
   *
   * @throws TooManyLoginAttemptsException while the username is locked out
   * @throws InvalidCredentialsException when the pair does not match
   */
  public String issueToken(String username, String password) {
    if (!UsernamePolicy.isValid(username)) {
      // No account can have this name: nothing to look up, nothing worth counting (the failure
      // count would only grow with junk), but the same slow hash as any other attempt.
      passwordEncoder.matches(password, dummyHash);
      throw new InvalidCredentialsException();
    }
    String key = UsernamePolicy.key(username);
    throttle
        .begin(key)
        .ifPresent(
            wait -> {
              throw new TooManyLoginAttemptsException(wait);
            });
    Optional<Account> account;
    boolean matches;
    try {
      account = accounts.findByUsernameKey(key);
      String hash = account.map(Account::getPasswordHash).orElse(dummyHash);
      matches = passwordEncoder.matches(password, hash) && account.isPresent();
    } catch (RuntimeException e) {
      throttle.abandon(key);
      throw e;
    }
    if (!matches) {
      throttle.recordFailure(key);
      throw new InvalidCredentialsException();
    }
    throttle.recordSuccess(key);
    String hash = account.get().getPasswordHash();
    if (passwordEncoder.upgradeEncoding(hash)) {
      // Made with another iteration count or format: made again now, while the password is known.
      accounts.replacePasswordHash(account.get().getId(), hash, passwordEncoder.encode(password));
    }
    String token = AccessTokens.generate();
    tokens.save(new AccessToken(AccessTokens.hash(token), account.get().getId(), clock.instant()));
    return token;
  }

  /** The account holding this token, if any. */
  public Optional<AccountView> authenticate(String token) {
    return tokenCache.holderOf(AccessTokens.hash(token));
  }

  /** The id of the account with this username (in any letter case), if there is one. */
  public Optional<UserId> idOf(String username) {
    if (!UsernamePolicy.isValid(username)) {
      return Optional.empty();
    }
    return accounts.findByUsernameKey(UsernamePolicy.key(username)).map(a -> new UserId(a.getId()));
  }

  /**
   * Erases a user's personal data (staff: the caller has checked): their key is destroyed and the
   * erasure recorded ({@link EraseUserPersonalDataCommand}; the read models scrub themselves in the
   * same transaction), their username and e-mail address are replaced and their password no longer
   * matches, and their tokens are deleted. Erasing again changes nothing. Answers false when there
   * is no such user.
   */
  public boolean erasePersonalData(UserId user, UserId actor) {
    if (!accounts.existsById(user.value())) {
      return false;
    }
    transaction.executeWithoutResult(
        status -> {
          commandGateway.sendAndWait(new EraseUserPersonalDataCommand(user, actor));
          accounts.erase(user.value(), user.toString());
          tokens.deleteAllOfUser(user.value());
        });
    tokenCache.forget(user);
    return true;
  }

  public boolean exists(String username) {
    return accounts.existsByUsernameKey(UsernamePolicy.key(username));
  }
}

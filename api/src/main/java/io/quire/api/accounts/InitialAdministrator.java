package io.quire.api.accounts;

import io.quire.command.accounts.AccountService;
import io.quire.command.accounts.UsernamePolicy;
import io.quire.command.accounts.UsernameTakenException;
import io.quire.kernel.common.Characters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the initial administrator (a staff account) at start-up from {@code QUIRE_ADMIN_USERNAME}
 * and {@code QUIRE_ADMIN_PASSWORD} when both are set and the account does not exist yet. Staff
 * accounts come only from here, never from the register endpoint.
 */
@Component
class InitialAdministrator implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

  private final AccountService accounts;
  private final String username;
  private final String password;
  private final String email;

  InitialAdministrator(
      AccountService accounts,
      @Value("${quire.admin.username}") String username,
      @Value("${quire.admin.password}") String password,
      @Value("${quire.admin.email}") String email) {
    this.accounts = accounts;
    this.username = username;
    this.password = password;
    this.email = email;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (username.isBlank() || password.isBlank()) {
      return;
    }
    if (!UsernamePolicy.isValid(username)) {
      throw new IllegalStateException("QUIRE_ADMIN_USERNAME is not a valid username");
    }
    if (Characters.count(password) < 10) {
      throw new IllegalStateException("QUIRE_ADMIN_PASSWORD must have at least 10 characters");
    }
    if (accounts.exists(username)) {
      return;
    }
    try {
      accounts.register(username, email, password, true);
      log.info("Created the initial administrator {}", username);
    } catch (UsernameTakenException raced) {
      // Another instance created it at the same moment.
    }
  }
}

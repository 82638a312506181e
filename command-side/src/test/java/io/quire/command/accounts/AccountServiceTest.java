package io.quire.command.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.testing.Fixtures;
import io.quire.kernel.accounts.RegisterUserCommand;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration, sign-in and token authentication against the credential store as it ships: JPA on
 * the application's own H2 migration (validated by Hibernate), the real password hashes, login
 * throttle and token cache. Each test commits (no test transaction), with usernames of its own.
 */
@DataJpaTest(
    properties = {
      "spring.datasource.url=jdbc:h2:mem:account-service;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
          + ";DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
      "spring.sql.init.mode=always",
      "spring.sql.init.schema-locations="
          + "file:../api/src/main/resources/db/migration/h2/V1__axon_and_accounts.sql,"
          + "file:../api/src/main/resources/db/migration/h2/V12__h2_email_length_in_characters.sql",
      "spring.jpa.hibernate.ddl-auto=validate",
      "quire.accounts.password-hash-iterations=1000",
      "quire.accounts.max-failed-logins=3",
      "quire.accounts.failed-login-window=15m",
      "quire.accounts.token-cache-ttl=0s"
    })
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(classes = AccountServiceTest.Wiring.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class AccountServiceTest {

  /** The accounts context, with a command bus that records the users' first commands. */
  @Configuration(proxyBeanMethods = false)
  @EntityScan(basePackageClasses = Account.class)
  @EnableJpaRepositories(basePackageClasses = AccountRepository.class)
  @Import({AccountsConfiguration.class, AccountService.class, TokenCache.class, TokenLookup.class})
  static class Wiring {

    @Bean
    Clock clock() {
      return Fixtures.CLOCK;
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }

    @Bean
    RecordedCommands recordedCommands() {
      return new RecordedCommands();
    }

    @Bean
    CommandBus commandBus(RecordedCommands recorded) {
      SimpleCommandBus bus = SimpleCommandBus.builder().build();
      bus.subscribe(
          RegisterUserCommand.class.getName(),
          message -> {
            RegisterUserCommand command = (RegisterUserCommand) message.getPayload();
            if (command.username().startsWith("refused")) {
              throw new IllegalStateException("the event store refused " + command.username());
            }
            recorded.commands.add(command);
            return null;
          });
      return bus;
    }
  }

  /** The {@link RegisterUserCommand}s the command bus handled. */
  static final class RecordedCommands {
    final List<RegisterUserCommand> commands = new CopyOnWriteArrayList<>();
  }

  @Autowired AccountService accounts;
  @Autowired RecordedCommands recorded;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccountRepository repository;

  @Test
  void aRegisteredAccountIsStoredWithItsFirstCommandAndWithoutItsPassword() {
    String username = unique("Alice");

    AccountView view = accounts.register(username, "alice@example.com", "correct-horse", true);

    assertThat(view.username()).isEqualTo(username);
    assertThat(view.email()).isEqualTo("alice@example.com");
    assertThat(view.staff()).isTrue();
    assertThat(recorded.commands).contains(new RegisterUserCommand(view.id(), username, true));
    String stored =
        jdbc.queryForObject(
            "select password_hash from accounts where id = ?", String.class, view.id().value());
    assertThat(stored).startsWith("$pbkdf2-sha256$i=1000$").doesNotContain("correct-horse");
    assertThat(accounts.exists(username.toLowerCase(Locale.ROOT))).isTrue();
    assertThat(accounts.idOf(username.toUpperCase(Locale.ROOT))).contains(view.id());
  }

  @Test
  void aUsernameTakenInAnyLetterCaseIsRefused() {
    String username = unique("bob");
    accounts.register(username, "bob@example.com", "password-1", false);

    assertThatThrownBy(
            () ->
                accounts.register(
                    username.toUpperCase(Locale.ROOT), "b@example.com", "pw-2", false))
        .isInstanceOf(UsernameTakenException.class)
        .hasMessageContaining(username.toUpperCase(Locale.ROOT));
  }

  @Test
  void aRegistrationWhoseFirstCommandFailsLeavesNoAccountBehind() {
    String username = unique("refused");

    assertThatThrownBy(() -> accounts.register(username, "r@example.com", "password", false))
        .hasMessageContaining("the event store refused");

    assertThat(accounts.exists(username)).isFalse();
    assertThat(accounts.idOf(username)).isEmpty();
  }

  @Test
  void theRightPasswordIssuesATokenThatAuthenticatesItsHolder() {
    String username = unique("carol");
    AccountView carol = accounts.register(username, "carol@example.com", "s3cret-pass", false);

    String token = accounts.issueToken(username.toUpperCase(Locale.ROOT), "s3cret-pass");

    assertThat(accounts.authenticate(token)).contains(carol);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_tokens where token_hash = ?",
                Long.class,
                AccessTokens.hash(token)))
        .as("only the token's hash is stored")
        .isEqualTo(1L);
    assertThat(accounts.authenticate(token + "x")).isEmpty();
  }

  @Test
  void aWrongPasswordAnUnknownUsernameAndAnImpossibleUsernameAllFailAlike() {
    String username = unique("dave");
    accounts.register(username, "dave@example.com", "right-password", false);

    assertThatThrownBy(() -> accounts.issueToken(username, "wrong-password"))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> accounts.issueToken(unique("nobody"), "right-password"))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThatThrownBy(() -> accounts.issueToken("not a username!", "right-password"))
        .isInstanceOf(InvalidCredentialsException.class);
    assertThat(accounts.idOf("not a username!")).isEmpty();
  }

  @Test
  void wrongPasswordsInARowLockTheUsernameOutEvenForTheRightOne() {
    String username = unique("erin");
    accounts.register(username, "erin@example.com", "right-password", false);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> accounts.issueToken(username, "wrong"))
          .isInstanceOf(InvalidCredentialsException.class);
    }

    assertThatThrownBy(() -> accounts.issueToken(username, "right-password"))
        .isInstanceOfSatisfying(
            TooManyLoginAttemptsException.class,
            locked -> assertThat(locked.retryAfter()).isPositive());
  }

  @Test
  void aHashMadeWithAnotherIterationCountIsMadeAgainAtTheNextSignIn() {
    String username = unique("frank");
    AccountView frank = accounts.register(username, "frank@example.com", "old-password", false);
    String older = new PasswordHashes(500, new SecureRandom()).encode("old-password");
    jdbc.update("update accounts set password_hash = ? where id = ?", older, frank.id().value());

    String token = accounts.issueToken(username, "old-password");

    assertThat(accounts.authenticate(token)).contains(frank);
    assertThat(
            jdbc.queryForObject(
                "select password_hash from accounts where id = ?",
                String.class,
                frank.id().value()))
        .startsWith("$pbkdf2-sha256$i=1000$");
  }

  @Test
  void theStoredAccountReadsBackAsItWasRegistered() {
    String username = unique("Grace");
    AccountView grace = accounts.register(username, "grace@example.com", "password", true);

    Account stored = repository.findByUsernameKey(UsernamePolicy.key(username)).orElseThrow();

    assertThat(stored.getId()).isEqualTo(grace.id().value());
    assertThat(stored.getUsername()).as("as typed").isEqualTo(username);
    assertThat(stored.getEmail()).isEqualTo("grace@example.com");
    assertThat(stored.isStaff()).isTrue();
    assertThat(stored.getCreatedAt()).isEqualTo(Fixtures.NOW);
    assertThat(stored.isNew()).as("loaded, so an update if saved").isFalse();
    assertThat(AccountView.of(stored)).isEqualTo(grace);
  }

  private static String unique(String name) {
    return name + "_" + UUID.randomUUID().toString().substring(0, 8);
  }
}

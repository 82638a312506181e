package io.quire.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.api.testing.AccountJourney;
import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.command.accounts.AccessTokens;
import io.quire.command.accounts.PasswordHashes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm;

@IntegrationTest
class AccountsIntegrationTest {

  @Autowired Users users;
  @Autowired JdbcTemplate jdbc;
  @Autowired HttpApi api;

  @Test
  void aNewUserRegistersGetsATokenAndSeesThemselves() {
    String username = Users.aNewUsername("alice");

    JsonNode me = AccountJourney.registerGetATokenAndAskWhoIAm(api, username);

    assertThat(me.get("username").asText()).isEqualTo(username);
    assertThat(me.get("email").asText()).isEqualTo(username + "@example.com");
    assertThat(me.get("is_staff").asBoolean()).isFalse();
  }

  @Test
  void registrationAnswersTheNewAccountAndNeverItsPassword() {
    String username = Users.aNewUsername("ari");

    Response registered =
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", username, "email", "ari@example.com", "password", "correct-horse"));

    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    JsonNode account = registered.json();
    assertThat(account.get("id").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    assertThat(account.get("username").asText()).isEqualTo(username);
    assertThat(account.get("email").asText()).isEqualTo("ari@example.com");
    assertThat(account.size()).isEqualTo(3);
  }

  @Test
  void usernamesAreUniqueWhateverTheirCase() {
    TestUser alice = users.aRegisteredUser("Alice");

    Response again =
        api.post(
            "/api/v1/auth/register/",
            Map.of(
                "username", alice.username().toUpperCase(Locale.ROOT),
                "email", "other@example.com",
                "password", "another-password"));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().at("/error/code").asText()).isEqualTo("validation_error");
    assertThat(again.json().at("/error/details/username/0").asText())
        .isEqualTo("A user with that username already exists.");
  }

  @Test
  void registrationCannotMakeAStaffAccount() {
    Response response =
        api.post(
            "/api/v1/auth/register/",
            Map.of(
                "username",
                Users.aNewUsername("sneaky"),
                "email",
                "s@example.com",
                "password",
                "correct-horse",
                "is_staff",
                true));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().at("/error/details/is_staff/0").asText())
        .isEqualTo("Unknown field.");
  }

  @Test
  void invalidRegistrationsSayWhatIsWrongWithEachFieldAndCreateNothing() {
    String tooShortName = "ab";
    Response response =
        api.post(
            "/api/v1/auth/register/",
            Map.of("username", tooShortName, "email", "not-an-address", "password", "short"));

    assertThat(response.status()).isEqualTo(400);
    JsonNode details = response.json().at("/error/details");
    assertThat(details.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("username", "email", "password");
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM accounts WHERE username_key = ?",
                Integer.class,
                tooShortName))
        .isZero();
  }

  @Test
  void missingFieldsAreRequired() {
    Response response = api.post("/api/v1/auth/register/", Map.of());

    assertThat(response.status()).isEqualTo(400);
    JsonNode details = response.json().at("/error/details");
    for (String field : List.of("username", "email", "password")) {
      assertThat(details.get(field).get(0).asText()).isEqualTo("This field is required.");
    }
  }

  @Test
  void aWrongPasswordIsInvalidCredentials() {
    TestUser bob = users.aRegisteredUser("bob");

    Response response =
        api.post(
            "/api/v1/auth/token/",
            Map.of("username", bob.username(), "password", "wrong-password"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().at("/error/code").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  void anUnknownUsernameIsInvalidCredentialsToo() {
    Response response =
        api.post(
            "/api/v1/auth/token/",
            Map.of("username", Users.aNewUsername("nobody"), "password", "whatever-password"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.json().at("/error/code").asText()).isEqualTo("invalid_credentials");
  }

  @Test
  void repeatedFailedLoginsForOneUsernameAnswer429EvenWithTheRightPassword() {
    TestUser carol = users.aRegisteredUser("carol");
    for (int i = 0; i < 5; i++) {
      assertThat(
              api.post(
                      "/api/v1/auth/token/",
                      Map.of("username", carol.username(), "password", "wrong-password"))
                  .status())
          .isEqualTo(401);
    }

    Response locked =
        api.post(
            "/api/v1/auth/token/",
            Map.of("username", carol.username(), "password", carol.password()));

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.json().at("/error/code").asText()).isEqualTo("too_many_requests");
    assertThat(locked.header("Retry-After")).isEqualTo("900");
    TestUser dan = users.aRegisteredUser("dan");
    assertThat(
            api.post(
                    "/api/v1/auth/token/",
                    Map.of("username", dan.username(), "password", dan.password()))
                .status())
        .as("other usernames are not affected")
        .isEqualTo(200);
  }

  @Test
  void wrongPasswordsSentAllAtOnceAreCheckedNoMoreOftenThanTheLimit() throws Exception {
    TestUser erin = users.aRegisteredUser("erin");
    ExecutorService clients = Executors.newFixedThreadPool(20);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> statuses = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        statuses.add(
            clients.submit(
                () -> {
                  start.await();
                  return api.post(
                          "/api/v1/auth/token/",
                          Map.of("username", erin.username(), "password", "wrong-password"))
                      .status();
                }));
      }
      start.countDown();
      List<Integer> answered = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        answered.add(status.get(60, TimeUnit.SECONDS));
      }

      assertThat(answered.stream().filter(s -> s == 401).count()).isEqualTo(5);
      assertThat(answered.stream().filter(s -> s == 429).count()).isEqualTo(35);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void bearerIsAcceptedLikeToken() {
    TestUser erin = users.aRegisteredUser("erin");

    Response me =
        api.request("GET", "/api/v1/auth/me/")
            .header("Authorization", "Bearer " + erin.token())
            .send();

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().get("username").asText()).isEqualTo(erin.username());
  }

  @Test
  void tokensAndPasswordsAreStoredOnlyAsHashes() {
    TestUser frank = users.aRegisteredUser("frank");

    List<String> tokenHashes =
        jdbc.queryForList(
            "SELECT token_hash FROM access_tokens WHERE user_id = ?::uuid",
            String.class,
            frank.id());
    assertThat(tokenHashes).containsExactly(AccessTokens.hash(frank.token()));
    assertThat(tokenHashes).doesNotContain(frank.token());
    String passwordHash =
        jdbc.queryForObject(
            "SELECT password_hash FROM accounts WHERE id = ?::uuid", String.class, frank.id());
    assertThat(passwordHash).doesNotContain(frank.password()).hasSizeGreaterThan(60);
  }

  @Test
  void anAccountHashedWithAnotherIterationCountSignsInAndIsHashedAgainWithTheConfiguredOne() {
    TestUser hana = users.aRegisteredUser("hana");
    storePasswordHash(hana, new PasswordHashes(7, new SecureRandom()).encode(hana.password()));

    assertThat(signIn(hana.username(), hana.password()).status()).isEqualTo(200);

    assertThat(passwordHash(hana)).startsWith("$pbkdf2-sha256$i=1000$");
    assertThat(signIn(hana.username(), hana.password()).status()).isEqualTo(200);
    assertThat(signIn(hana.username(), "wrong-password").status()).isEqualTo(401);
  }

  @Test
  void anAccountHashedInTheFormerFormatSignsInAndIsHashedAgainInTheNewOne() {
    TestUser ivan = users.aRegisteredUser("ivan");
    storePasswordHash(
        ivan,
        new Pbkdf2PasswordEncoder("", 16, 1000, SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256)
            .encode(ivan.password()));

    assertThat(signIn(ivan.username(), ivan.password()).status()).isEqualTo(200);

    assertThat(passwordHash(ivan)).startsWith("$pbkdf2-sha256$i=1000$");
    assertThat(signIn(ivan.username(), ivan.password()).status()).isEqualTo(200);
  }

  @Test
  void aFailedSignInLeavesTheHashAsItWas() {
    TestUser jo = users.aRegisteredUser("jo");
    String old = new PasswordHashes(7, new SecureRandom()).encode(jo.password());
    storePasswordHash(jo, old);

    assertThat(signIn(jo.username(), "wrong-password").status()).isEqualTo(401);

    assertThat(passwordHash(jo)).isEqualTo(old);
  }

  private Response signIn(String username, String password) {
    return api.post("/api/v1/auth/token/", Map.of("username", username, "password", password));
  }

  private void storePasswordHash(TestUser user, String hash) {
    jdbc.update("UPDATE accounts SET password_hash = ? WHERE id = ?::uuid", hash, user.id());
  }

  private String passwordHash(TestUser user) {
    return jdbc.queryForObject(
        "SELECT password_hash FROM accounts WHERE id = ?::uuid", String.class, user.id());
  }

  @Test
  void eachTokenRequestIssuesANewRandomTokenOf256Bits() {
    TestUser gina = users.aRegisteredUser("gina");

    String second =
        api.post(
                "/api/v1/auth/token/",
                Map.of("username", gina.username(), "password", gina.password()))
            .json()
            .get("token")
            .asText();

    assertThat(second).matches("[0-9a-f]{64}").isNotEqualTo(gina.token());
    assertThat(api.request("GET", "/api/v1/auth/me/").token(gina.token()).send().status())
        .isEqualTo(200);
    assertThat(api.request("GET", "/api/v1/auth/me/").token(second).send().status()).isEqualTo(200);
  }

  @Test
  void theInitialAdministratorComesFromConfigurationAndIsStaff() {
    Response token =
        api.post(
            "/api/v1/auth/token/",
            Map.of("username", "root-admin", "password", "root-admin-password"));
    assertThat(token.status()).as(token.toString()).isEqualTo(200);

    Response me =
        api.request("GET", "/api/v1/auth/me/").token(token.json().get("token").asText()).send();

    assertThat(me.json().get("is_staff").asBoolean()).isTrue();
    assertThat(me.json().get("email").asText()).isEqualTo("root@example.com");
  }

  @Test
  void pathsAnswerTheSameWithoutTheTrailingSlash() {
    TestUser hana = users.aRegisteredUser("hana");

    Response withSlash = api.request("GET", "/api/v1/auth/me/").token(hana.token()).send();
    Response without = api.request("GET", "/api/v1/auth/me").token(hana.token()).send();

    assertThat(without.status()).isEqualTo(200);
    assertThat(without.text()).isEqualTo(withSlash.text());
  }
}

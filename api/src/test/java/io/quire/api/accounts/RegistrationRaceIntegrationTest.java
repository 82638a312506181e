package io.quire.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.command.privacy.PersonalDataCipher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The username set validation holds when many clients register the same name at once. */
@IntegrationTest
class RegistrationRaceIntegrationTest {

  @Autowired HttpApi api;

  private static final int CLIENTS = 12;

  @Autowired JdbcTemplate jdbc;
  @Autowired PersonalDataCipher cipher;

  @Test
  void exactlyOneOfManyConcurrentRegistrationsOfOneNameWinsAndLeavesNoOrphanEvents()
      throws Exception {
    String username = Users.aNewUsername("race");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        // Letter case differs per client: the names are the same account regardless.
        String name = i % 2 == 0 ? username : username.toUpperCase(Locale.ROOT);
        Callable<Integer> register =
            () -> {
              start.await();
              return api.post(
                      "/api/v1/auth/register/",
                      Map.of(
                          "username", name, "email", "r@example.com", "password", "correct-horse"))
                  .status();
            };
        answers.add(pool.submit(register));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> answer : answers) {
        statuses.add(answer.get());
      }

      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 400).hasSize(CLIENTS - 1);
    } finally {
      pool.shutdownNow();
    }
    String key = username.toLowerCase(Locale.ROOT);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM accounts WHERE username_key = ?", Integer.class, key))
        .isEqualTo(1);
    String id =
        jdbc.queryForObject(
            "SELECT id::text FROM accounts WHERE username_key = ?", String.class, key);
    // usernames are sealed in the events (crypto-shredding): opened here as the server opens them
    assertThat(
            jdbc
                .query(
                    "SELECT aggregate_identifier, convert_from(payload, 'UTF8')::json ->> 'username'"
                        + " FROM domain_event_entry"
                        + " WHERE payload_type = 'io.quire.kernel.accounts.UserRegisteredEvent'",
                    (row, n) -> new String[] {row.getString(1), row.getString(2)})
                .stream()
                .filter(event -> cipher.open(event[1]).toLowerCase(Locale.ROOT).equals(key))
                .map(event -> event[0])
                .toList())
        .as("one event, for the account that won")
        .containsExactly(id);
  }
}

package io.quire.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestDatabaseTest {

  @Test
  void theRunsDatabaseReplacesTheOneInTheServerUrl() {
    assertThat(
            TestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "quire_test_1"))
        .isEqualTo("jdbc:postgresql://127.0.0.1:5432/quire_test_1");
  }

  @Test
  void parametersOfTheServerUrlAreKept() {
    assertThat(
            TestDatabase.withDatabase(
                "jdbc:postgresql://db.example:6543/postgres?sslmode=require", "quire_test_1"))
        .isEqualTo("jdbc:postgresql://db.example:6543/quire_test_1?sslmode=require");
  }

  @Test
  void aServerUrlWithoutADatabaseGetsOne() {
    assertThat(TestDatabase.withDatabase("jdbc:postgresql://localhost:5432", "quire_test_1"))
        .isEqualTo("jdbc:postgresql://localhost:5432/quire_test_1");
    assertThat(TestDatabase.withDatabase("jdbc:postgresql://localhost?user=x", "quire_test_1"))
        .isEqualTo("jdbc:postgresql://localhost/quire_test_1?user=x");
  }
}

package io.quire.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard in this module's own tests, and the hosts it lets through. */
class NetworkGuardTest extends NetworkGuardContract {

  @Test
  void theDatabaseServersHostIsAllowedWithoutItsPortOrPath() {
    String previous = System.getProperty("QUIRE_TEST_DATABASE_URL");
    System.setProperty("QUIRE_TEST_DATABASE_URL", "jdbc:postgresql://DB.example:5432/postgres");
    try {
      assertThat(NetworkGuard.allowedHosts()).contains("db.example");
    } finally {
      if (previous == null) {
        System.clearProperty("QUIRE_TEST_DATABASE_URL");
      } else {
        System.setProperty("QUIRE_TEST_DATABASE_URL", previous);
      }
    }
  }
}

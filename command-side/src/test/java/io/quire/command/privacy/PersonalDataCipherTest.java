package io.quire.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.command.testing.H2Database;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shredding's two parts together, on H2 with the shipped migration: a person's values sealed
 * with their own key, and erased by destroying it.
 */
class PersonalDataCipherTest {

  private final H2Database database = H2Database.withMigration("V22");
  private final SecureRandom random = new SecureRandom();
  private final byte[] secretKey = TestKeys.aSecretKey(random);
  private final PersonalDataKeys keys;
  private final PersonalDataCipher cipher;
  private final String ada = UUID.randomUUID().toString();
  private final String bob = UUID.randomUUID().toString();

  PersonalDataCipherTest() {
    keys = TestKeys.on(database, secretKey, random);
    cipher = new PersonalDataCipher(keys);
  }

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void aSealedValueOpensToItsTextAndShowsNeitherTheTextNorTheKey() {
    String sealed = cipher.seal(ada, "Ada's plan for the launch");

    assertThat(sealed).startsWith("pd1:" + ada + ":").doesNotContain("plan", "launch");
    assertThat(cipher.open(sealed)).isEqualTo("Ada's plan for the launch");
    assertThat(cipher.seal(ada, "Ada's plan for the launch"))
        .as("a fresh nonce every time")
        .isNotEqualTo(sealed);
    Map<String, Object> row =
        database.jdbc().queryForMap("SELECT * FROM personal_data_key WHERE subject_id = ?", ada);
    assertThat((String) row.get("wrapped_key"))
        .as("the key is stored sealed under QUIRE_SECRET_KEY")
        .startsWith("v1.");
  }

  @Test
  void erasingAPersonMakesTheirValuesReadAsErasedAndLeavesEveryoneElsesAlone() {
    String adas = cipher.seal(ada, "Ada's notes");
    String bobs = cipher.seal(bob, "Bob's notes");

    keys.erase(ada);

    assertThat(cipher.open(adas)).isEqualTo(PersonalDataCipher.ERASED);
    assertThat(cipher.open(bobs)).isEqualTo("Bob's notes");
    assertThat(
            database
                .jdbc()
                .queryForObject(
                    "SELECT COUNT(*) FROM personal_data_key WHERE wrapped_key IS NOT NULL"
                        + " AND subject_id = ?",
                    Long.class,
                    ada))
        .isZero();
    assertThatThrownBy(() -> cipher.seal(ada, "more of Ada's notes"))
        .isInstanceOf(ErasedSubjectException.class);
  }

  @Test
  void erasingIsFinalEvenForSomeoneWithNoKeyYetAndErasingTwiceChangesNothing() {
    keys.erase(bob);
    keys.erase(bob);

    assertThat(keys.wasErased(bob)).isTrue();
    assertThat(keys.existingKey(bob)).isEmpty();
    assertThatThrownBy(() -> keys.keyFor(bob)).isInstanceOf(ErasedSubjectException.class);
  }

  @Test
  void aValueStoredBeforeSealingReadsAsItIs() {
    assertThat(cipher.open("Written before crypto-shredding"))
        .isEqualTo("Written before crypto-shredding");
    assertThat(cipher.open(null)).isNull();
    assertThat(cipher.seal(ada, null)).isNull();
  }

  @Test
  void aSealedValueMovedToAnotherPersonOrAlteredDoesNotOpen() {
    cipher.seal(bob, "Bob has a key now");
    String adas = cipher.seal(ada, "Ada's secret");
    String movedToBob = adas.replace(ada, bob);
    String altered = adas.substring(0, adas.length() - 2) + (adas.endsWith("A") ? "BB" : "AA");

    assertThatThrownBy(() -> cipher.open(movedToBob)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> cipher.open(altered)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aKeyMadeInATransactionThatRollsBackIsNeitherStoredNorKept() {
    TransactionTemplate transaction = new TransactionTemplate(database.transactionManager());
    byte[] lost =
        transaction.execute(
            status -> {
              byte[] key = keys.keyFor(ada);
              status.setRollbackOnly();
              return key;
            });

    assertThat(keys.existingKey(ada)).isEmpty();
    byte[] stored = transaction.execute(status -> keys.keyFor(ada));
    assertThat(stored).isNotEqualTo(lost);
    assertThat(keys.existingKey(ada)).hasValueSatisfying(key -> assertThat(key).isEqualTo(stored));
  }

  @Test
  void aKeyIsReadFromTheDatabaseByAnotherServerWithTheSameSecretKey() {
    String sealed = cipher.seal(ada, "shared across servers");
    PersonalDataKeys otherServer = TestKeys.on(database, secretKey, random);

    assertThat(new PersonalDataCipher(otherServer).open(sealed)).isEqualTo("shared across servers");
  }

  @Test
  void anErasureOnAnotherServerIsForgottenHereAtTheNextLook() {
    String sealed = cipher.seal(ada, "Ada's, read on two servers");
    PersonalDataKeys otherServer = TestKeys.on(database, secretKey, random);
    PersonalDataCipher there = new PersonalDataCipher(otherServer);
    assertThat(there.open(sealed)).isEqualTo("Ada's, read on two servers");
    assertThat(otherServer.forgetErased()).isEmpty();

    keys.erase(ada);

    assertThat(there.open(sealed)).as("its key is still in memory there").isNotEqualTo("[erased]");
    assertThat(otherServer.forgetErased()).containsExactly(ada);
    assertThat(there.open(sealed)).isEqualTo(PersonalDataCipher.ERASED);
    assertThat(otherServer.forgetErased()).isEmpty();
  }
}

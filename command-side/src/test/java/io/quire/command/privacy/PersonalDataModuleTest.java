package io.quire.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quire.command.testing.H2Database;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.privacy.PersonalData;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A record's personal text components, sealed as the mapper writes them and opened as it reads. */
class PersonalDataModuleTest {

  /** An event of the kernel's shape: one personal text, one that is not, and its writer. */
  record NotePosted(
      String noteId, @PersonalData(subject = "author") String body, String tag, UserId author) {}

  private final H2Database database = H2Database.withMigration("V22");
  private final SecureRandom random = new SecureRandom();
  private final PersonalDataKeys keys;
  private final ObjectMapper mapper;
  private final UserId ada = new UserId(UUID.randomUUID());

  PersonalDataModuleTest() {
    keys = TestKeys.on(database, TestKeys.aSecretKey(random), random);
    mapper =
        JsonMapper.builder()
            .addModule(new PersonalDataModule(new PersonalDataCipher(keys)))
            .build();
  }

  @AfterEach
  void dropDatabase() {
    database.shutdown();
  }

  @Test
  void thePersonalTextIsStoredSealedAndReadAsItWas() throws Exception {
    NotePosted event = new NotePosted("n-1", "Ada's private note", "ops", ada);

    String stored = mapper.writeValueAsString(event);

    assertThat(stored)
        .doesNotContain("private note")
        .contains("\"body\":\"pd1:" + ada + ":")
        .contains("\"tag\":\"ops\"");
    assertThat(mapper.readValue(stored, NotePosted.class)).isEqualTo(event);
  }

  @Test
  void onceThePersonIsErasedTheTextReadsAsErasedAndTheRestAsItWas() throws Exception {
    String stored = mapper.writeValueAsString(new NotePosted("n-2", "to forget", "ops", ada));

    keys.erase(ada.toString());

    assertThat(mapper.readValue(stored, NotePosted.class))
        .isEqualTo(new NotePosted("n-2", PersonalDataCipher.ERASED, "ops", ada));
  }

  @Test
  void aPayloadWrittenBeforeSealingReadsAsItIs() throws Exception {
    String old =
        "{\"noteId\":\"n-3\",\"body\":\"plain old text\",\"tag\":\"ops\",\"author\":\""
            + ada
            + "\"}";

    assertThat(mapper.readValue(old, NotePosted.class).body()).isEqualTo("plain old text");
  }

  @Test
  void noTextIsNullAndTextWithoutAPersonIsNobodysPersonalDataAndStaysPlain() throws Exception {
    assertThat(
            mapper
                .readValue(
                    mapper.writeValueAsString(new NotePosted("n-4", null, "ops", ada)),
                    NotePosted.class)
                .body())
        .isNull();
    String integrations = mapper.writeValueAsString(new NotePosted("n-5", "from CI", "ops", null));
    assertThat(integrations).contains("\"body\":\"from CI\"");
    assertThat(mapper.readValue(integrations, NotePosted.class).body()).isEqualTo("from CI");
  }
}

package io.quire.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserId;
import io.quire.kernel.accounts.UserSummary;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Events land in Axon's JPA store on PostgreSQL as readable JSON, and projections see them. */
@IntegrationTest
class EventStoreIntegrationTest {

  @Autowired Users users;
  @Autowired JdbcTemplate jdbc;
  @Autowired QueryGateway queries;

  @Test
  void eventsAreStoredAsJsonInByteaColumns() throws Exception {
    TestUser ada = users.aRegisteredUser("ada");

    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT payload, payload_type, payload_revision, sequence_number FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?",
            ada.id());
    assertThat(row.get("payload_type")).isEqualTo("io.quire.kernel.accounts.UserRegisteredEvent");
    assertThat(row.get("payload_revision")).isEqualTo("1");
    assertThat(row.get("sequence_number")).isEqualTo(0L);
    JsonNode payload =
        new ObjectMapper()
            .readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
    // personal data, sealed with Ada's own key (docs/architecture.md, crypto-shredding)
    assertThat(payload.get("username").asText())
        .startsWith("pd1:" + ada.id() + ":")
        .doesNotContain(ada.username());
    assertThat(payload.get("userId").asText()).isEqualTo(ada.id());
    assertThat(payload.toString()).doesNotContain(ada.password(), "@example.com");
  }

  @Test
  void payloadColumnsAreByteaNotLargeObjects() {
    List<String> types =
        jdbc.queryForList(
            "SELECT DISTINCT data_type FROM information_schema.columns"
                + " WHERE column_name IN ('payload', 'meta_data', 'token', 'serialized_saga')"
                + " AND table_schema = current_schema()",
            String.class);
    assertThat(types).containsExactly("bytea");
  }

  @Test
  void theGlobalIndexIsAllocatedOneAtATime() {
    Long increment =
        jdbc.queryForObject(
            "SELECT increment_by FROM pg_sequences WHERE sequencename = 'domain_event_entry_seq'",
            Long.class);
    assertThat(increment).isEqualTo(1L);
  }

  @Test
  void theUserDirectoryProjectionAnswersForANewUser() {
    TestUser bo = users.aRegisteredUser("bo");
    UserId id = bo.userId();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        queries
                            .query(
                                new FindUserQuery(id),
                                ResponseTypes.optionalInstanceOf(UserSummary.class))
                            .get())
                    .contains(new UserSummary(id, bo.username())));
  }

  @Test
  void aUserWhoDoesNotExistIsNotInTheDirectory() throws Exception {
    Optional<UserSummary> nobody =
        queries
            .query(
                new FindUserQuery(UserId.of("00000000-0000-0000-0000-000000000001")),
                ResponseTypes.optionalInstanceOf(UserSummary.class))
            .get();
    assertThat(nobody).isEmpty();
  }
}

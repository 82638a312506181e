package io.quire.query.users;

import io.quire.kernel.accounts.FindUserQuery;
import io.quire.kernel.accounts.UserPersonalDataErasedEvent;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.accounts.UserSummary;
import io.quire.kernel.privacy.PersonalData;
import io.quire.query.sql.SqlValues;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the user directory ({@code user_directory}: id and username) from user events and answers
 * {@link FindUserQuery}. Plain JDBC like every projection, so a rebuild can run it against a new
 * copy of the table.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.PROCESSING_GROUP)
public class UserDirectoryProjection {

  /** The processing group. */
  public static final String PROCESSING_GROUP = "user-directory";

  private final NamedParameterJdbcTemplate jdbc;

  public UserDirectoryProjection(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(UserRegisteredEvent event) {
    MapSqlParameterSource row =
        new MapSqlParameterSource("id", event.userId().value())
            .addValue("username", event.username());
    // Replaying the same event leaves the same row.
    if (jdbc.update("UPDATE user_directory SET username = :username WHERE id = :id", row) == 0) {
      jdbc.update("INSERT INTO user_directory (id, username) VALUES (:id, :username)", row);
    }
  }

  /** An erased user's name reads {@code "[erased]"}, as their registration now does. */
  @EventHandler
  void on(UserPersonalDataErasedEvent event) {
    jdbc.update(
        "UPDATE user_directory SET username = :username WHERE id = :id",
        new MapSqlParameterSource("id", event.userId().value())
            .addValue("username", PersonalData.ERASED));
  }

  @ResetHandler
  void reset() {
    jdbc.getJdbcTemplate().update("DELETE FROM user_directory");
  }

  @QueryHandler
  Optional<UserSummary> handle(FindUserQuery query) {
    return SqlValues.atMostOne(
            jdbc.queryForList(
                "SELECT username FROM user_directory WHERE id = :id",
                new MapSqlParameterSource("id", query.userId().value()),
                String.class))
        .map(username -> new UserSummary(query.userId(), username));
  }
}

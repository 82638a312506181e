package io.quire.query.users;

import io.quire.kernel.accounts.UserId;
import io.quire.query.sql.SqlValues;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The usernames of a set of users, from {@code user_directory} in one statement: for answers that
 * show people by name next to what they did (a task's history, the audit log), never one lookup per
 * row.
 */
@Component
public class Usernames {

  private final NamedParameterJdbcTemplate jdbc;

  public Usernames(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The usernames of these users, by id; nulls (no user) are passed over. */
  public Map<UUID, String> of(Stream<UserId> users) {
    return of(users.filter(Objects::nonNull).map(UserId::value).collect(Collectors.toSet()));
  }

  /** Each of these users' username (none for no users; an unknown id is left out). */
  public Map<UUID, String> of(Set<UUID> ids) {
    Map<UUID, String> usernames = new HashMap<>();
    if (ids.isEmpty()) {
      return usernames;
    }
    jdbc.query(
        "SELECT id, username FROM user_directory WHERE id IN (:ids)",
        new MapSqlParameterSource("ids", ids),
        row -> {
          usernames.put(SqlValues.uuid(row, "id"), row.getString("username"));
        });
    return usernames;
  }
}

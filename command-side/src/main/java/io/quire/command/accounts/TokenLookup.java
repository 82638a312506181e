package io.quire.command.accounts;

import io.quire.kernel.accounts.UserId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the account holding a token hash: one indexed SQL statement, without the entity manager or
 * a transaction, because every authenticated request asks it (docs/performance.md: through Spring
 * Data JPA it was about a tenth of a task write's CPU time).
 */
@Component
class TokenLookup {

  private static final String SQL =
      """
      SELECT a.id, a.username, a.email, a.staff
        FROM access_tokens t JOIN accounts a ON a.id = t.user_id
       WHERE t.token_hash = ?""";

  private final JdbcTemplate jdbc;

  TokenLookup(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AccountView> holderOf(String tokenHash) {
    return jdbc
        .query(
            SQL,
            (rs, n) ->
                new AccountView(
                    new UserId(rs.getObject("id", UUID.class)),
                    rs.getString("username"),
                    rs.getString("email"),
                    rs.getBoolean("staff")),
            tokenHash)
        .stream()
        .findFirst();
  }
}

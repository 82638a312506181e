package io.quire.command.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByUsernameKey(String usernameKey);

  boolean existsByUsernameKey(String usernameKey);

  /** The account holding a token, in one statement. */
  @Query(
      "select a from Account a, AccessToken t where t.tokenHash = :tokenHash and a.id = t.userId")
  Optional<Account> findByTokenHash(@Param("tokenHash") String tokenHash);
}

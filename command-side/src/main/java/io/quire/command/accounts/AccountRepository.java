package io.quire.command.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByUsernameKey(String usernameKey);

  boolean existsByUsernameKey(String usernameKey);

  /**
   * Replaces an account's password hash if it is still {@code old} (answers the rows changed: 0
   * when another sign-in replaced it first).
   */
  @Modifying
  @Transactional
  @Query("update Account a set a.passwordHash = :fresh where a.id = :id and a.passwordHash = :old")
  int replacePasswordHash(
      @Param("id") UUID id, @Param("old") String old, @Param("fresh") String fresh);

  /**
   * Replaces an erased account's username, e-mail address and password hash: the username and
   * address read {@code "[erased]"}, the key under which the username was unique becomes one no
   * username can have (so the name is free again), and no password matches the hash.
   */
  @Modifying
  @Transactional
  @Query(
      "update Account a set a.username = '[erased]', a.usernameKey = concat('[erased]:', :key),"
          + " a.email = '[erased]', a.passwordHash = '[erased]' where a.id = :id")
  int erase(@Param("id") UUID id, @Param("key") String key);
}

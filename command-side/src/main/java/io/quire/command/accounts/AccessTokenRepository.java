package io.quire.command.accounts;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface AccessTokenRepository extends JpaRepository<AccessToken, String> {

  /** Deletes every token of a user (an erasure): answers how many there were. */
  @Modifying
  @Transactional
  @Query("delete from AccessToken t where t.userId = :userId")
  int deleteAllOfUser(@Param("userId") UUID userId);
}

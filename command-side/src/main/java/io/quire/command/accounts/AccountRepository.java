package io.quire.command.accounts;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AccountRepository extends JpaRepository<Account, UUID> {

  Optional<Account> findByUsernameKey(String usernameKey);

  boolean existsByUsernameKey(String usernameKey);
}

package io.quire.query.users;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface DirectoryUserRepository extends JpaRepository<DirectoryUser, UUID> {}

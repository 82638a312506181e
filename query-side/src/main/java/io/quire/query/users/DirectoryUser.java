package io.quire.query.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of the user directory read model. */
@Entity
@Table(name = "user_directory")
class DirectoryUser {

  @Id private UUID id;

  @Column(nullable = false, length = 150)
  private String username;

  protected DirectoryUser() {
    // For JPA.
  }

  DirectoryUser(UUID id, String username) {
    this.id = id;
    this.username = username;
  }

  UUID getId() {
    return id;
  }

  String getUsername() {
    return username;
  }
}

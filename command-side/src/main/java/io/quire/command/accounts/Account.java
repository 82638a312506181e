package io.quire.command.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * A row of the credential store. The unique index on {@code username_key} is the set validation
 * that keeps usernames unique regardless of case, even under concurrent registration.
 */
@Entity
@Table(name = "accounts")
public class Account implements Persistable<UUID> {

  @Id private UUID id;

  @Column(nullable = false, length = UsernamePolicy.MAX_LENGTH)
  private String username;

  @Column(name = "username_key", nullable = false, length = UsernamePolicy.MAX_LENGTH)
  private String usernameKey;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(name = "password_hash", nullable = false, length = 255)
  private String passwordHash;

  @Column(nullable = false)
  private boolean staff;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Transient private boolean isNew;

  protected Account() {
    // For JPA.
  }

  Account(
      UUID id,
      String username,
      String email,
      String passwordHash,
      boolean staff,
      Instant createdAt) {
    this.id = id;
    this.username = username;
    this.usernameKey = UsernamePolicy.key(username);
    this.email = email;
    this.passwordHash = passwordHash;
    this.staff = staff;
    this.createdAt = createdAt;
    this.isNew = true;
  }

  @Override
  public UUID getId() {
    return id;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  public String getUsername() {
    return username;
  }

  public String getEmail() {
    return email;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public boolean isStaff() {
    return staff;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}

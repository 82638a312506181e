package io.quire.command.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** An issued access token, kept only as its SHA-256 hash. Tokens do not expire on their own. */
@Entity
@Table(name = "access_tokens")
public class AccessToken implements Persistable<String> {

  @Id
  @Column(name = "token_hash", length = 64)
  private String tokenHash;

  @Column(name = "user_id", nullable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Transient private boolean isNew;

  protected AccessToken() {
    // For JPA.
  }

  AccessToken(String tokenHash, UUID userId, Instant createdAt) {
    this.tokenHash = tokenHash;
    this.userId = userId;
    this.createdAt = createdAt;
    this.isNew = true;
  }

  @Override
  public String getId() {
    return tokenHash;
  }

  @Override
  public boolean isNew() {
    return isNew;
  }

  public UUID getUserId() {
    return userId;
  }
}

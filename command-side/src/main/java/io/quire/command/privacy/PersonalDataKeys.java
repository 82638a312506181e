package io.quire.command.privacy;

import io.quire.command.integrations.SecretBox;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One AES-256 key per person (the subject: a user id), kept in {@code personal_data_key} outside
 * the event store, sealed under {@code QUIRE_SECRET_KEY} ({@link SecretBox}, the key's context
 * naming its subject, so a sealed key moved to another row does not open). Keys are kept in memory
 * once read or made and committed ({@value #CACHED} at most); {@link #erase} destroys a key for
 * good. It writes on the caller's transaction, if any (a key made for an event commits with it).
 *
 * <p>A server that has a key in memory goes on using it after another server erased it, until it
 * restarts or its cache is full; erasure on a cluster must tell every server ({@code
 * PersonalDataErasedEvent}, not built yet: docs/architecture.md).
 */
public final class PersonalDataKeys {

  static final int CACHED = 10_000;
  private static final int KEY_BYTES = 32;

  private final JdbcTemplate jdbc;
  private final SecretBox box;
  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

  public PersonalDataKeys(JdbcTemplate jdbc, SecretBox box, SecureRandom random, Clock clock) {
    this.jdbc = jdbc;
    this.box = box;
    this.random = random;
    this.clock = clock;
  }

  /**
   * The subject's key, made and stored the first time it is asked for.
   *
   * @throws ErasedSubjectException when the subject's personal data was erased: nothing new may be
   *     written with their key
   */
  public byte[] keyFor(String subject) {
    Optional<byte[]> existing = existingKey(subject);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (wasErased(subject)) {
      throw new ErasedSubjectException(subject);
    }
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    try {
      jdbc.update(
          "INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)",
          subject,
          box.seal(Base64.getEncoder().encodeToString(key), context(subject)),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException madeMeanwhile) {
      // Another request made it first: theirs is the key.
      return existingKey(subject).orElseThrow(() -> new ErasedSubjectException(subject));
    }
    remember(subject, key);
    return key.clone();
  }

  /** The subject's key, if they have one; empty for a subject never seen and for one erased. */
  public Optional<byte[]> existingKey(String subject) {
    byte[] cached = cache.get(subject);
    if (cached != null) {
      return Optional.of(cached.clone());
    }
    List<String> wrapped =
        jdbc.query(
            "SELECT wrapped_key FROM personal_data_key"
                + " WHERE subject_id = ? AND wrapped_key IS NOT NULL",
            (row, n) -> row.getString(1),
            subject);
    if (wrapped.isEmpty()) {
      return Optional.empty();
    }
    byte[] key = Base64.getDecoder().decode(box.open(wrapped.get(0), context(subject)));
    remember(subject, key);
    return Optional.of(key.clone());
  }

  /** Whether the subject's key was destroyed by {@link #erase}. */
  public boolean wasErased(String subject) {
    return !jdbc.queryForList(
            "SELECT 1 FROM personal_data_key WHERE subject_id = ? AND erased_at IS NOT NULL",
            subject)
        .isEmpty();
  }

  /**
   * Destroys the subject's key (and records when): everything sealed with it reads as erased from
   * now on. Erasing a subject without a key records the erasure too, so no key is made for them
   * later. Erasing twice changes nothing.
   */
  public void erase(String subject) {
    Timestamp now = Timestamp.from(clock.instant());
    int updated =
        jdbc.update(
            "UPDATE personal_data_key SET wrapped_key = NULL, erased_at = ?"
                + " WHERE subject_id = ? AND erased_at IS NULL",
            now,
            subject);
    if (updated == 0 && !wasErased(subject)) {
      try {
        jdbc.update(
            "INSERT INTO personal_data_key (subject_id, created_at, erased_at) VALUES (?, ?, ?)",
            subject,
            now,
            now);
      } catch (DuplicateKeyException madeMeanwhile) {
        erase(subject);
      }
    }
    cache.remove(subject);
  }

  /**
   * Keeps a key in memory, once the transaction that made or read it has committed: a key made in a
   * transaction that rolls back was never stored, and must not go on sealing values.
   */
  private void remember(String subject, byte[] key) {
    byte[] copy = key.clone();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              keep(subject, copy);
            }
          });
    } else {
      keep(subject, copy);
    }
  }

  private void keep(String subject, byte[] key) {
    if (cache.size() >= CACHED) {
      cache.clear();
    }
    cache.put(subject, key);
  }

  private static String context(String subject) {
    return "personal-data-key:" + subject;
  }
}

package io.quire.command.privacy;

import io.quire.command.integrations.SecretBox;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * <p>Another server's erasure reaches this one's memory through {@link #forgetErased}, which the
 * server calls every second ({@code ErasureWatch}): until then, a key this server had in memory
 * still opens that person's text here.
 */
public final class PersonalDataKeys {

  static final int CACHED = 10_000;
  private static final int KEY_BYTES = 32;

  private final JdbcTemplate jdbc;
  private final SecretBox box;
  private final SecureRandom random;
  private final Clock clock;
  private final Map<String, Key> cache = new ConcurrentHashMap<>();
  // Everyone known here to be erased: their keys are never kept again (a read that began before
  // the erasure and commits after it must not put the key back).
  private final Set<String> erased = ConcurrentHashMap.newKeySet();
  private volatile long erasedCounted = -1;

  /**
   * A person's key, and the box that seals and opens with it (made once: it is on the hot path).
   */
  private record Key(byte[] bytes, SecretBox box) {}

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
    return key(subject).bytes().clone();
  }

  /**
   * The box that seals with the subject's key, made and stored the first time it is asked for.
   *
   * @throws ErasedSubjectException when the subject's personal data was erased
   */
  public SecretBox boxFor(String subject) {
    return key(subject).box();
  }

  private Key key(String subject) {
    Key cached = cache.get(subject);
    if (cached != null) {
      return cached;
    }
    Optional<Stored> stored = stored(subject);
    if (stored.isPresent()) {
      return stored.get().wrapped() == null
          ? erased(subject)
          : opened(subject, stored.get().wrapped());
    }
    byte[] bytes = new byte[KEY_BYTES];
    random.nextBytes(bytes);
    try {
      jdbc.update(
          "INSERT INTO personal_data_key (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)",
          subject,
          box.seal(Base64.getEncoder().encodeToString(bytes), context(subject)),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException madeMeanwhile) {
      // Another request made it first: theirs is the key.
      return existing(subject).orElseThrow(() -> new ErasedSubjectException(subject));
    }
    Key key = new Key(bytes, new SecretBox(bytes, random));
    remember(subject, key);
    return key;
  }

  /** The subject's key, if they have one; empty for a subject never seen and for one erased. */
  public Optional<byte[]> existingKey(String subject) {
    return existing(subject).map(key -> key.bytes().clone());
  }

  /** The box of the subject's key, if they have one; empty for one never seen and one erased. */
  public Optional<SecretBox> existingBox(String subject) {
    return existing(subject).map(Key::box);
  }

  private Optional<Key> existing(String subject) {
    Key cached = cache.get(subject);
    if (cached != null) {
      return Optional.of(cached);
    }
    return stored(subject)
        .filter(row -> row.wrapped() != null)
        .map(row -> opened(subject, row.wrapped()));
  }

  /** The subject's row: its sealed key, or null once erased. One statement either way. */
  private record Stored(String wrapped) {}

  private Optional<Stored> stored(String subject) {
    return jdbc
        .query(
            "SELECT wrapped_key FROM personal_data_key WHERE subject_id = ?",
            (row, n) -> new Stored(row.getString(1)),
            subject)
        .stream()
        .findFirst();
  }

  private Key opened(String subject, String wrapped) {
    byte[] bytes = Base64.getDecoder().decode(box.open(wrapped, context(subject)));
    Key key = new Key(bytes, new SecretBox(bytes, random));
    remember(subject, key);
    return key;
  }

  private static Key erased(String subject) {
    throw new ErasedSubjectException(subject);
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
    erased.add(subject);
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
  private void remember(String subject, Key key) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              keep(subject, key);
            }
          });
    } else {
      keep(subject, key);
    }
  }

  /**
   * Forgets the keys of everyone erased since the last call, on this server or another (one count
   * of the erasures; their ids only when it changed): the subjects it had not known of.
   */
  public Set<String> forgetErased() {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM personal_data_key WHERE erased_at IS NOT NULL", Long.class);
    if (count == null || count == erasedCounted) {
      return Set.of();
    }
    Set<String> news = new java.util.HashSet<>();
    for (String subject :
        jdbc.queryForList(
            "SELECT subject_id FROM personal_data_key WHERE erased_at IS NOT NULL", String.class)) {
      if (erased.add(subject)) {
        news.add(subject);
      }
      cache.remove(subject);
    }
    erasedCounted = count;
    return news;
  }

  private void keep(String subject, Key key) {
    if (erased.contains(subject)) {
      return;
    }
    if (cache.size() >= CACHED) {
      cache.clear();
    }
    cache.put(subject, key);
  }

  private static String context(String subject) {
    return "personal-data-key:" + subject;
  }
}

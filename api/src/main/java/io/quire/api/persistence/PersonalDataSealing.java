package io.quire.api.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.command.integrations.SecretBox;
import io.quire.command.privacy.PersonalDataCipher;
import io.quire.command.privacy.PersonalDataKeys;
import io.quire.kernel.accounts.UserRegisteredEvent;
import io.quire.kernel.articles.ArticleDraftedEvent;
import io.quire.kernel.articles.ArticleRevisedEvent;
import io.quire.kernel.comments.CommentPostedEvent;
import io.quire.kernel.privacy.PersonalData;
import io.quire.kernel.tasks.TaskCreatedEvent;
import io.quire.kernel.tasks.TaskDescriptionChangedEvent;
import io.quire.kernel.tasks.TaskRetitledEvent;
import io.quire.query.sql.TransactionalJavaMigration;
import io.quire.query.stream.Resealer;
import io.quire.query.stream.SealChain;
import io.quire.query.stream.Stamper;
import io.quire.query.stream.Stamper.Head;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration V25: seals the personal data of the events stored before crypto-shredding (their text
 * was stored plain), as the server seals new events' ({@code PersonalDataModule}), so that erasing
 * a person later leaves nothing of theirs behind in the event store either. Each stored payload of
 * the {@linkplain #FIELDS types with personal data} has its plain text fields replaced by the
 * sealed text, under the key of the person its record names (made now, on this transaction, if they
 * have none); nothing else of the row changes, and an event with no person (a task an integration
 * created) stays as it is. Then the seals are computed again from the first event changed ({@link
 * Resealer}) and the change of the head's hash is recorded in {@code event_stream_reseal} and the
 * log. Progress goes to the log every {@value #LOG_EVERY} events. It runs inside Flyway's
 * transaction: a failure leaves every event as it was.
 */
@Component
public class PersonalDataSealing extends TransactionalJavaMigration {

  /**
   * The personal text fields of each event type, and the names the field holding its person has had
   * (revision 1 of {@link TaskCreatedEvent} named it {@code createdBy}). {@code
   * PersonalDataSealingTest} checks this against the {@code @PersonalData} marks of the kernel.
   */
  static final Map<Class<?>, Fields> FIELDS =
      Map.of(
          UserRegisteredEvent.class, new Fields(List.of("username"), List.of("userId")),
          TaskCreatedEvent.class,
              new Fields(List.of("title", "description"), List.of("actor", "createdBy")),
          TaskRetitledEvent.class, new Fields(List.of("title"), List.of("actor")),
          TaskDescriptionChangedEvent.class, new Fields(List.of("description"), List.of("actor")),
          ArticleDraftedEvent.class, new Fields(List.of("title", "body"), List.of("author")),
          ArticleRevisedEvent.class, new Fields(List.of("title", "body"), List.of("actor")),
          CommentPostedEvent.class, new Fields(List.of("body"), List.of("author")));

  /** An event type's personal text fields, and the names its person's field has had. */
  record Fields(List<String> texts, List<String> subjects) {}

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataSealing.class);
  private static final int BATCH = 1000;
  private static final long LOG_EVERY = 50_000;

  private final SecretBox secretBox;
  private final SecureRandom random;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  @Autowired
  public PersonalDataSealing(SecretBox secretBox, SecureRandom random, Clock clock) {
    super("25", "personal data in stored events sealed");
    this.secretBox = secretBox;
    this.random = random;
    this.clock = clock;
  }

  @Override
  public void migrate(Context context) throws Exception {
    seal(context.getConnection());
  }

  /**
   * Seals the stored events' personal data on {@code connection}'s transaction: how many changed.
   */
  public long seal(Connection connection) throws SQLException, IOException {
    List<String> types = FIELDS.keySet().stream().map(Class::getName).sorted().toList();
    String among = String.join(", ", types.stream().map(type -> "?").toList());
    long total = count(connection, types, among);
    if (total == 0) {
      return 0;
    }
    LOG.info("Sealing the personal data of {} stored events", total);
    PersonalDataCipher cipher =
        new PersonalDataCipher(
            new PersonalDataKeys(
                new JdbcTemplate(new SingleConnectionDataSource(connection, true)),
                secretBox,
                random,
                clock));
    Map<String, Fields> byType = new java.util.HashMap<>();
    FIELDS.forEach((type, fields) -> byType.put(type.getName(), fields));
    long after = 0;
    long read = 0;
    long changed = 0;
    long firstChanged = Long.MAX_VALUE;
    long logged = 0;
    List<Object[]> batch;
    do {
      batch = batch(connection, types, among, after);
      List<Object[]> updates = new ArrayList<>();
      for (Object[] row : batch) {
        after = (long) row[0];
        byte[] sealed = sealed((byte[]) row[2], byType.get((String) row[1]), cipher);
        if (sealed != null) {
          updates.add(new Object[] {sealed, row[0]});
          firstChanged = Math.min(firstChanged, (long) row[0]);
        }
      }
      write(connection, updates);
      read += batch.size();
      changed += updates.size();
      if (read - logged >= LOG_EVERY) {
        logged = read;
        LOG.info(
            "Sealed personal data: {} of {} events read ({}%)", read, total, read * 100 / total);
      }
    } while (batch.size() == BATCH);
    LOG.info("Sealed the personal data of {} of {} events", changed, total);
    if (changed > 0) {
      reseal(connection, firstChanged, changed);
    }
    return changed;
  }

  /** The payload with its plain personal text sealed, or null when nothing is to change. */
  private byte[] sealed(byte[] payload, Fields fields, PersonalDataCipher cipher)
      throws IOException {
    JsonNode tree = json.readTree(payload);
    if (!(tree instanceof ObjectNode record)) {
      return null;
    }
    String subject = null;
    for (String name : fields.subjects()) {
      if (record.hasNonNull(name)) {
        subject = record.get(name).asText();
        break;
      }
    }
    if (subject == null) {
      return null; // nobody's text: a task an integration created
    }
    boolean changed = false;
    for (String name : fields.texts()) {
      JsonNode text = record.get(name);
      if (text != null && text.isTextual() && !text.asText().startsWith(PersonalData.SEALED)) {
        record.put(name, cipher.seal(subject, text.asText()));
        changed = true;
      }
    }
    return changed ? json.writeValueAsString(record).getBytes(StandardCharsets.UTF_8) : null;
  }

  /** Computes the seals again from the first changed event's position, and records it. */
  private void reseal(Connection connection, long firstChangedGlobalIndex, long changed)
      throws SQLException {
    Long from;
    try (PreparedStatement first =
        connection.prepareStatement(
            "SELECT MIN(position) FROM audit_event WHERE global_index >= ?")) {
      first.setLong(1, firstChangedGlobalIndex);
      try (ResultSet row = first.executeQuery()) {
        row.next();
        long position = row.getLong(1);
        from = row.wasNull() ? null : position;
      }
    }
    if (from == null) {
      return; // no changed event is stamped yet: the stamper seals them as they are now
    }
    Head old = Stamper.lockHead(connection, false).orElseThrow();
    long start = from;
    Head resealed =
        new Resealer()
            .resealFrom(
                connection,
                old,
                from,
                done -> {
                  if ((done - start) % LOG_EVERY < BATCH) {
                    LOG.info("Resealed the stream up to position {} of {}", done, old.position());
                  }
                });
    try (PreparedStatement record =
        connection.prepareStatement(
            "INSERT INTO event_stream_reseal (resealed_at, migration, from_position,"
                + " head_position, old_head_hash, new_head_hash, events_changed)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      record.setTimestamp(1, Timestamp.from(clock.instant()));
      record.setString(2, "V25 " + getDescription());
      record.setLong(3, from);
      record.setLong(4, old.position());
      record.setString(5, SealChain.hex(old.seal()));
      record.setString(6, SealChain.hex(resealed.seal()));
      record.setLong(7, changed);
      record.executeUpdate();
    }
    LOG.warn(
        "The stream's seals were computed again from position {}: the head (position {}) was"
            + " sealed {} and is sealed {} now (recorded in event_stream_reseal)",
        from,
        old.position(),
        SealChain.hex(old.seal()),
        SealChain.hex(resealed.seal()));
  }

  private static long count(Connection connection, List<String> types, String among)
      throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type IN (" + among + ")")) {
      for (int i = 0; i < types.size(); i++) {
        count.setString(i + 1, types.get(i));
      }
      try (ResultSet row = count.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  private static List<Object[]> batch(
      Connection connection, List<String> types, String among, long after) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT global_index, payload_type, payload FROM domain_event_entry"
                + " WHERE payload_type IN ("
                + among
                + ") AND global_index > ? ORDER BY global_index LIMIT "
                + BATCH)) {
      for (int i = 0; i < types.size(); i++) {
        select.setString(i + 1, types.get(i));
      }
      select.setLong(types.size() + 1, after);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(new Object[] {row.getLong(1), row.getString(2), row.getBytes(3)});
        }
      }
    }
    return rows;
  }

  private static void write(Connection connection, List<Object[]> updates) throws SQLException {
    if (updates.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?")) {
      for (Object[] change : updates) {
        update.setBytes(1, (byte[]) change[0]);
        update.setLong(2, (long) change[1]);
        update.addBatch();
      }
      update.executeBatch();
    }
  }
}

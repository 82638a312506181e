package io.quire.query.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An event's {@code data} as history shows it: the payload's own fields, in snake_case, in
 * declaration order, as JSON-ready values (ids as UUID strings, instants as ISO-8601 strings, dates
 * as {@code YYYY-MM-DD}, enums by their wire names, absent values as null).
 *
 * <p>Fields that a history entry already shows elsewhere are left out: the aggregate's own id and
 * its org ({@code task_id}, {@code org_id}: they are in the URL), who did it ({@code actor}, {@code
 * created_by}: the entry's {@code actor}) and when ({@code occurred_at}, {@code created_at}: the
 * entry's {@code occurred_at}). So {@code task.created} keeps {@code title}, {@code description},
 * {@code assigned_to} and {@code due_date}; {@code task.status_changed} keeps {@code status}; an
 * event with nothing else (such as {@code task.deleted}) has an empty map.
 *
 * <p>The mapper is this class's own: Axon's stores events in camelCase, the API's is the web
 * layer's, and history must not change when either does.
 */
public final class EventData {

  /** The snake_case fields left out of {@code data}. */
  public static final Set<String> SHOWN_ELSEWHERE =
      Set.of("task_id", "org_id", "actor", "created_by", "occurred_at", "created_at");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private EventData() {}

  /**
   * Fields no reader is shown, anywhere: an integration's sealed signing secret (sealed, but the
   * secret is shown once, at creation, and nowhere else).
   */
  public static final Set<String> NEVER_SHOWN = Set.of("sealed_secret");

  /** The data of an event payload (a record of the kernel), as a history entry shows it. */
  public static Map<String, Object> of(Object payload) {
    LinkedHashMap<String, Object> data = all(payload);
    data.keySet().removeAll(SHOWN_ELSEWHERE);
    return Collections.unmodifiableMap(data);
  }

  /**
   * Every field of an event payload except those {@link #NEVER_SHOWN}, as the audit log shows it:
   * an auditor sees the event as it was stored, ids, times and actor included.
   */
  public static Map<String, Object> complete(Object payload) {
    return Collections.unmodifiableMap(all(payload));
  }

  private static LinkedHashMap<String, Object> all(Object payload) {
    LinkedHashMap<String, Object> data = MAPPER.convertValue(payload, MAP);
    data.keySet().removeAll(NEVER_SHOWN);
    return data;
  }
}

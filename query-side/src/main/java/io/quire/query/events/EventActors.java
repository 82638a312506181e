package io.quire.query.events;

import io.quire.kernel.accounts.UserId;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who did what an event records: the one {@link UserId} field of the event that names the person
 * acting, whatever the event calls it ({@code actor}, {@code createdBy}, {@code author}, {@code
 * moderator}, ...). Null for events no person caused (an export completing, a webhook arriving),
 * for changes made by an integration, and for a user's own registration.
 *
 * <p>The user an event is about ({@code MemberAddedEvent.userId}, {@code
 * TaskAssignedEvent.assignee}) is not its actor: only the names below count. {@code
 * EventActorsTest} checks every event of the kernel against them.
 */
public final class EventActors {

  /** The names an event's acting user goes by, in the kernel's events. */
  public static final List<String> ACTOR_FIELDS =
      List.of(
          "actor",
          "createdBy",
          "addedBy",
          "removedBy",
          "changedBy",
          "requestedBy",
          "author",
          "moderator");

  private static final Map<Class<?>, Optional<RecordComponent>> ACTOR_COMPONENTS =
      new ConcurrentHashMap<>();

  private EventActors() {}

  /** The acting user of an event payload, or null. */
  public static UserId actor(Object payload) {
    Optional<RecordComponent> component =
        ACTOR_COMPONENTS.computeIfAbsent(payload.getClass(), EventActors::actorComponent);
    if (component.isEmpty()) {
      return null;
    }
    try {
      return (UserId) component.get().getAccessor().invoke(payload);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read the actor of " + payload.getClass(), e);
    }
  }

  /** The record component holding an event class's actor, if it has one. */
  static Optional<RecordComponent> actorComponent(Class<?> eventClass) {
    RecordComponent[] components = eventClass.getRecordComponents();
    if (components == null) {
      return Optional.empty();
    }
    for (RecordComponent component : components) {
      if (component.getType() == UserId.class && ACTOR_FIELDS.contains(component.getName())) {
        return Optional.of(component);
      }
    }
    return Optional.empty();
  }
}

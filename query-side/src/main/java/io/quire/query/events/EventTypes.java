package io.quire.query.events;

/**
 * The public type name of an event, derived from its class name: the aggregate's name, a dot, and
 * what happened in snake_case, without the {@code Event} suffix. {@code TaskStatusChangedEvent} is
 * {@code task.status_changed}, {@code TaskCreatedEvent} is {@code task.created}, {@code
 * MemberRoleChangedEvent} is {@code member.role_changed}. Every upper-case letter starts a word.
 * These are also the names incoming webhooks use ({@code task.created}, {@code
 * task.status_changed}).
 */
public final class EventTypes {

  private static final String SUFFIX = "Event";

  private EventTypes() {}

  /** The type name of events of this class. */
  public static String typeName(Class<?> eventClass) {
    return typeName(eventClass.getSimpleName());
  }

  /** The type name of events whose class has this simple name. */
  public static String typeName(String simpleClassName) {
    String name =
        simpleClassName.endsWith(SUFFIX) && simpleClassName.length() > SUFFIX.length()
            ? simpleClassName.substring(0, simpleClassName.length() - SUFFIX.length())
            : simpleClassName;
    StringBuilder type = new StringBuilder(name.length() + 8);
    int words = 0;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c)) {
        if (words == 1) {
          type.append('.');
        } else if (words > 1) {
          type.append('_');
        }
        words++;
        type.append(Character.toLowerCase(c));
      } else {
        if (words == 0) {
          words++;
        }
        type.append(c);
      }
    }
    return type.toString();
  }

  /**
   * The public name of an aggregate type, from the name Axon stores ({@code WebhookReceipt} is
   * {@code webhook_receipt}, {@code Task} is {@code task}).
   */
  public static String aggregateTypeName(String storedType) {
    StringBuilder name = new StringBuilder(storedType.length() + 4);
    for (int i = 0; i < storedType.length(); i++) {
      char c = storedType.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          name.append('_');
        }
        name.append(Character.toLowerCase(c));
      } else {
        name.append(c);
      }
    }
    return name.toString();
  }
}

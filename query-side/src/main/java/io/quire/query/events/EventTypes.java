package io.quire.query.events;

import java.util.ArrayList;
import java.util.List;

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
    List<String> words = words(name);
    return words.size() == 1
        ? words.get(0)
        : words.get(0) + "." + String.join("_", words.subList(1, words.size()));
  }

  /**
   * The public name of an aggregate type, from the name Axon stores ({@code WebhookReceipt} is
   * {@code webhook_receipt}, {@code Task} is {@code task}).
   */
  public static String aggregateTypeName(String storedType) {
    return String.join("_", words(storedType));
  }

  /** The words of a camel-case name, in lower case: each upper-case letter starts one. */
  private static List<String> words(String camelCase) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < camelCase.length(); i++) {
      char c = camelCase.charAt(i);
      if (Character.isUpperCase(c) && word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
      word.append(Character.toLowerCase(c));
    }
    if (word.length() > 0 || words.isEmpty()) {
      words.add(word.toString());
    }
    return words;
  }
}

package io.quire.kernel.common;

/**
 * A field a command sets, possibly to {@code null} (clearing it). A {@code null} {@code Change}
 * itself means "leave the field as it is".
 */
public record Change<T>(T value) {

  public static <T> Change<T> to(T value) {
    return new Change<>(value);
  }
}

package io.quire.api.web;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/** Reads enum values from query parameters by their wire names ({@code in_progress}, ...). */
public final class WireNames {

  private WireNames() {}

  /** The value whose wire name is {@code given}, if any. */
  public static <E> Optional<E> find(E[] values, Function<E, String> wireName, String given) {
    return Arrays.stream(values).filter(v -> wireName.apply(v).equals(given)).findFirst();
  }
}

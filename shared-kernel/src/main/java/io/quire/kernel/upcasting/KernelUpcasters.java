package io.quire.kernel.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/**
 * Every upcaster of the kernel's events, in the order they apply (for one event type, from its
 * oldest revision up). A new revision of an event adds its upcaster at the end.
 */
public final class KernelUpcasters {

  private KernelUpcasters() {}

  /** The upcasters, in order. */
  public static List<EventUpcaster> all() {
    return List.of(new TaskCreatedEventUpcaster());
  }

  /** The upcasters as one chain: what the event store and every reader of stored rows apply. */
  public static EventUpcasterChain chain() {
    return new EventUpcasterChain(all());
  }
}

package io.quire.kernel.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.kernel.tasks.TaskCreatedEvent;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link TaskCreatedEvent} from revision 1 to 2: {@code createdBy} becomes {@code actor} and {@code
 * createdAt} becomes {@code occurredAt}, as in every other task event; every other field, and the
 * order of the fields, stays. A null {@code createdBy} (a task an integration created) stays null.
 * Events of revision 2 (and any other type) pass untouched.
 */
public final class TaskCreatedEventUpcaster extends SingleEventUpcaster {

  static final SimpleSerializedType REVISION_1 =
      new SimpleSerializedType(TaskCreatedEvent.class.getName(), "1");
  static final SimpleSerializedType REVISION_2 =
      new SimpleSerializedType(TaskCreatedEvent.class.getName(), "2");

  private static final Map<String, String> RENAMED =
      Map.of("createdBy", "actor", "createdAt", "occurredAt");

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return REVISION_1.equals(representation.getType());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        REVISION_2, JsonNode.class, TaskCreatedEventUpcaster::revisionTwo);
  }

  /** The revision-2 payload of a revision-1 one (a new node; the given one is left as it is). */
  static JsonNode revisionTwo(JsonNode revisionOne) {
    ObjectNode upcast = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, JsonNode> field : revisionOne.properties()) {
      upcast.set(RENAMED.getOrDefault(field.getKey(), field.getKey()), field.getValue().deepCopy());
    }
    return upcast;
  }
}

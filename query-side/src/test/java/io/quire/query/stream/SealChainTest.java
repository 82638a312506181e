package io.quire.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a seal covers: every field of the stored event, its place, and the seal before it. */
class SealChainTest {

  private final SealChain chain = new SealChain();
  private final StoredEvent event =
      new StoredEvent(
          7,
          "event-1",
          "Task",
          "task-1",
          2,
          "io.quire.kernel.tasks.TaskRetitledEvent",
          "1",
          "{\"title\":\"Plan\"}".getBytes(StandardCharsets.UTF_8),
          "{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8),
          "2026-03-01T12:00:00Z");

  @Test
  void aSealChangesWithEveryFieldItCovers() {
    byte[] previous = SealChain.genesis();
    byte[] seal = chain.seal(previous, 3, event);
    List<byte[]> variants =
        List.of(
            chain.seal(new byte[] {1}, 3, event),
            chain.seal(previous, 4, event),
            chain.seal(previous, 3, with(8, "event-1", "task-1", 2, "{\"title\":\"Plan\"}", "t")),
            chain.seal(previous, 3, with(7, "event-2", "task-1", 2, "{\"title\":\"Plan\"}", "t")),
            chain.seal(previous, 3, with(7, "event-1", "task-2", 2, "{\"title\":\"Plan\"}", "t")),
            chain.seal(previous, 3, with(7, "event-1", "task-1", 3, "{\"title\":\"Plan\"}", "t")),
            chain.seal(previous, 3, with(7, "event-1", "task-1", 2, "{\"title\":\"Plan!\"}", "t")),
            chain.seal(previous, 3, with(7, "event-1", "task-1", 2, "{\"title\":\"Plan\"}", "u")));

    assertThat(seal).hasSize(SealChain.LENGTH);
    assertThat(chain.seal(previous, 3, event)).isEqualTo(seal);
    assertThat(variants).noneMatch(variant -> java.util.Arrays.equals(variant, seal));
  }

  @Test
  void aStreamSealLeavesThePositionAndGlobalIndexOutButNotTheContent() {
    byte[] previous = SealChain.genesis();
    byte[] streamSeal = chain.streamSeal(previous, event);

    assertThat(
            chain.streamSeal(
                previous, with(99, "event-1", "task-1", 2, "{\"title\":\"Plan\"}", "t")))
        .isEqualTo(streamSeal);
    assertThat(chain.streamSeal(previous, with(7, "event-1", "task-1", 2, "{}", "t")))
        .isNotEqualTo(streamSeal);
    assertThat(chain.streamSeal(new byte[SealChain.LENGTH + 1], event)).isNotEqualTo(streamSeal);
  }

  @Test
  void fieldsCannotBeShiftedIntoEachOther() {
    StoredEvent ab = new StoredEvent(1, "ab", "T", "c", 0, "P", null, new byte[0], null, "x");
    StoredEvent a = new StoredEvent(1, "a", "T", "bc", 0, "P", null, new byte[0], null, "x");

    assertThat(chain.seal(SealChain.genesis(), 1, ab))
        .isNotEqualTo(chain.seal(SealChain.genesis(), 1, a));
  }

  @Test
  void aSealPrintsAs64HexDigits() {
    assertThat(SealChain.hex(SealChain.genesis())).isEqualTo("0".repeat(64));
    assertThat(SealChain.hex(chain.seal(SealChain.genesis(), 1, event))).matches("[0-9a-f]{64}");
  }

  private StoredEvent with(
      long globalIndex, String id, String aggregate, long sequence, String payload, String trace) {
    return new StoredEvent(
        globalIndex,
        id,
        "Task",
        aggregate,
        sequence,
        event.payloadType(),
        event.payloadRevision(),
        payload.getBytes(StandardCharsets.UTF_8),
        ("{\"traceId\":\"" + trace + "\"}").getBytes(StandardCharsets.UTF_8),
        event.timeStamp());
  }
}

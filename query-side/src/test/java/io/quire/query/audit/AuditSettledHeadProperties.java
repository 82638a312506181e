package io.quire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.quire.testsupport.Seeded;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AuditSettledHeadProperties {

  @Test
  void theHeadStopsBeforeTheFirstMissingIndexAfterTheLastSettledOne() {
    assertThat(AuditSettledHead.of(3, LongStream.of(4, 5, 7, 8))).isEqualTo(5);
    assertThat(AuditSettledHead.of(3, LongStream.of(5, 6))).isEqualTo(3);
    assertThat(AuditSettledHead.of(0, LongStream.of(1, 2, 3))).isEqualTo(3);
    assertThat(AuditSettledHead.of(9, LongStream.empty())).isEqualTo(9);
  }

  @Test
  void noIndexUpToTheHeadIsMissingAndTheOneAfterItIs() {
    Seeded.qt()
        .forAll(
            integers().between(0, 50), lists().of(integers().between(1, 80)).ofSizeBetween(0, 40))
        .checkAssert(
            (lastSettled, offsets) -> {
              TreeSet<Long> recent = new TreeSet<>();
              offsets.forEach(offset -> recent.add((long) lastSettled + offset));
              long head =
                  AuditSettledHead.of(lastSettled, recent.stream().mapToLong(Long::longValue));

              assertThat(head).isGreaterThanOrEqualTo(lastSettled);
              for (long index = lastSettled + 1; index <= head; index++) {
                assertThat(recent).contains(index);
              }
              assertThat(recent).doesNotContain(head + 1);
            });
  }

  @Test
  void anIndexThatArrivesLateNeverLowersTheHead() {
    Seeded.qt()
        .forAll(
            lists().of(integers().between(1, 30)).ofSizeBetween(0, 30), integers().between(1, 30))
        .checkAssert(
            (present, late) -> {
              TreeSet<Long> before = new TreeSet<>();
              present.forEach(i -> before.add((long) i));
              TreeSet<Long> after = new TreeSet<>(before);
              after.add((long) late);

              assertThat(head(after)).isGreaterThanOrEqualTo(head(before));
            });
  }

  private static long head(TreeSet<Long> recent) {
    return AuditSettledHead.of(0, List.copyOf(recent).stream().mapToLong(Long::longValue));
  }
}

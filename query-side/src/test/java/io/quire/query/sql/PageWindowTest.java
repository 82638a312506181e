package io.quire.query.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;

import io.quire.testsupport.Seeded;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageWindowTest {

  @Test
  void theFirstPageStartsAtTheFirstRow() {
    assertThat(PageWindow.of(1, 20)).isEqualTo(new PageWindow(20, 0));
    assertThat(PageWindow.of(3, 20)).isEqualTo(new PageWindow(20, 40));
  }

  @Test
  void theLastPossiblePageDoesNotOverflow() {
    assertThat(PageWindow.of(Integer.MAX_VALUE, 100).offset())
        .isEqualTo((Integer.MAX_VALUE - 1L) * 100);
  }

  @Test
  void pagesBeforeTheFirstAndEmptyPagesAreRejected() {
    assertThatThrownBy(() -> PageWindow.of(0, 20)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PageWindow.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void consecutivePagesCutAListIntoItsRowsInOrderThenNothing() {
    Seeded.qt()
        .forAll(integers().between(0, 60), integers().between(1, 25))
        .checkAssert(
            (size, pageSize) -> {
              List<Integer> all = IntStream.range(0, size).boxed().toList();
              List<Integer> walked = new ArrayList<>();
              int pages = (size + pageSize - 1) / pageSize;
              for (int page = 1; page <= pages; page++) {
                List<Integer> slice = PageWindow.of(page, pageSize).slice(all);
                assertThat(slice).isNotEmpty().hasSizeLessThanOrEqualTo(pageSize);
                walked.addAll(slice);
              }
              assertThat(walked).isEqualTo(all);
              assertThat(PageWindow.of(pages + 1, pageSize).slice(all)).isEmpty();
            });
  }
}

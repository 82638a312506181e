package io.quire.query.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.ListTasksQuery;
import io.quire.kernel.tasks.TaskPage;
import io.quire.kernel.tasks.TaskStatus;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedPagesTest {

  private static final OrgId ORG = OrgId.of("1c8d2a7f-7e2b-4d54-8b66-1e6a4f2d3b02");
  private static final ListTasksQuery FIRST_PAGE =
      new ListTasksQuery(ORG, null, null, null, null, 1, 20);

  private final VersionedPages<ListTasksQuery, TaskPage> cache =
      new VersionedPages<>(1_000, page -> page.results().size());
  private final AtomicInteger computed = new AtomicInteger();

  @Test
  void aPageAskedForAgainAtTheSameVersionIsComputedOnce() {
    TaskPage first = cache.page(FIRST_PAGE, 7, this::compute);
    TaskPage again = cache.page(FIRST_PAGE, 7, this::compute);

    assertThat(again).isSameAs(first);
    assertThat(computed).hasValue(1);
  }

  @Test
  void aNewVersionOfTheListIsComputedAgain() {
    cache.page(FIRST_PAGE, 7, this::compute);
    TaskPage changed = cache.page(FIRST_PAGE, 8, this::compute);

    assertThat(changed.count()).isEqualTo(2);
    assertThat(computed).hasValue(2);
  }

  @Test
  void anotherQuestionAtTheSameVersionIsAnotherPage() {
    cache.page(FIRST_PAGE, 7, this::compute);
    cache.page(new ListTasksQuery(ORG, null, null, null, null, 2, 20), 7, this::compute);
    cache.page(new ListTasksQuery(ORG, TaskStatus.DONE, null, null, null, 1, 20), 7, this::compute);

    assertThat(computed).hasValue(3);
  }

  private TaskPage compute() {
    return new TaskPage(computed.incrementAndGet(), List.of());
  }
}

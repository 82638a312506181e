package io.quire.api.orgs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.api.testing.HttpApi;
import io.quire.api.testing.HttpApi.Response;
import io.quire.api.testing.IntegrationTest;
import io.quire.api.testing.Orgs;
import io.quire.api.testing.Users;
import io.quire.api.testing.Users.TestUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Many clients create the same slug at the same moment: one org, and nothing else, results. */
@IntegrationTest
class OrgSlugRaceIntegrationTest {

  private static final int CLIENTS = 12;

  @Autowired HttpApi api;
  @Autowired Users users;
  @Autowired JdbcTemplate jdbc;

  @Test
  void exactlyOneOfManyConcurrentCreatorsOfASlugWinsAndNoOrphanEventsRemain() throws Exception {
    String slug = Orgs.aNewSlug("race");
    List<TestUser> creators = new ArrayList<>();
    for (int i = 0; i < CLIENTS; i++) {
      creators.add(users.aRegisteredUser("racer"));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Response>> answers = new ArrayList<>();
      for (TestUser creator : creators) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.as(creator.token())
                      .post("/api/v1/orgs/", Map.of("slug", slug, "name", "Race"));
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        statuses.add(answer.get().status());
      }

      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(CLIENTS - 1);
    } finally {
      pool.shutdownNow();
    }
    Integer created =
        jdbc.queryForObject(
            "SELECT count(*) FROM domain_event_entry WHERE payload_type = ?"
                + " AND convert_from(payload, 'UTF8') LIKE ?",
            Integer.class,
            "io.quire.kernel.orgs.OrgCreatedEvent",
            "%\"" + slug + "\"%");
    assertThat(created).as("OrgCreatedEvents for the slug").isEqualTo(1);
    Integer views =
        jdbc.queryForObject("SELECT count(*) FROM org_view WHERE slug = ?", Integer.class, slug);
    assertThat(views).isEqualTo(1);
  }
}

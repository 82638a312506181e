package io.quire.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quire.api.errors.ApiException;
import io.quire.api.web.QueryParameters;
import io.quire.kernel.audit.AuditFilter;
import io.quire.query.events.EventCatalogue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditParametersTest {

  private static final EventCatalogue CATALOGUE = new EventCatalogue();

  private static AuditFilter filter(
      String after, String limit, String type, String since, String until) {
    return new AuditParameters(after, limit, type, since, until).filter(CATALOGUE);
  }

  @Test
  void absentParametersReadFromTheStartAHundredAtATime() {
    assertThat(filter(null, null, null, null, null))
        .isEqualTo(new AuditFilter(0, 100, null, null, null));
    assertThat(filter("", " ", "", "", "")).isEqualTo(new AuditFilter(0, 100, null, null, null));
    assertThat(new AuditParameters(null, " ", null, null, null).streamLimit())
        .isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aLimitAboveTheMaximumIsServedAsTheMaximum() {
    assertThat(filter(null, "5000", null, null, null).limit()).isEqualTo(1000);
    assertThat(filter(null, "1000", null, null, null).limit()).isEqualTo(1000);
    assertThat(filter(null, "99999999999999", null, null, null).limit()).isEqualTo(1000);
    assertThat(new AuditParameters(null, "5000", null, null, null).streamLimit())
        .as("a stream writes pages of 1000 until it has written as many as asked")
        .isEqualTo(5000);
  }

  @Test
  void timestampsMayCarryAnOffsetAndAPlusThatArrivedAsASpace() {
    AuditFilter window =
        filter("7", "3", "task.created", "2026-03-01T14:00:00 02:00", "2026-03-02T00:00:00Z");

    assertThat(window)
        .isEqualTo(
            new AuditFilter(
                7,
                3,
                "task.created",
                Instant.parse("2026-03-01T12:00:00Z"),
                Instant.parse("2026-03-02T00:00:00Z")));
  }

  @Test
  void timesOutsideTheYears1To9999AreRefusedNotStored() {
    for (String far :
        new String[] {
          "+294277-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999Z", "0000-12-31T23:00:00Z"
        }) {
      assertThatThrownBy(() -> filter(null, null, null, far, null))
          .as(far)
          .isInstanceOf(ApiException.class);
      assertThatThrownBy(() -> filter(null, null, null, null, far))
          .as(far)
          .isInstanceOf(ApiException.class);
    }
    assertThat(filter(null, null, null, "9999-12-31T23:59:59.999999Z", null).since())
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
  }

  @Test
  void everyWrongParameterIsNamed() {
    assertThatThrownBy(() -> filter("-1", "0", "task.exploded", "today", "2026-13-01T00:00:00Z"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.details().keySet())
                    .containsExactlyInAnyOrder("after", "limit", "type", "since", "until"));
    assertThatThrownBy(() -> filter("x", null, null, null, null)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> filter("99999999999999999999", null, null, null, null))
        .isInstanceOf(ApiException.class);
  }

  @Test
  void aRepeatedParameterIsNamedAsSuchBesideTheOtherWrongOnes() {
    AuditParameters params =
        new AuditParameters(null, null, null, null, "soon", Set.of("after", "limit"));

    assertThatThrownBy(() -> params.filter(CATALOGUE))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.details()).containsOnlyKeys("after", "limit", "until");
              assertThat(e.details().get("after"))
                  .isEqualTo(List.of(QueryParameters.GIVEN_MORE_THAN_ONCE));
              assertThat(e.details().get("limit"))
                  .isEqualTo(List.of(QueryParameters.GIVEN_MORE_THAN_ONCE));
            });
  }

  @Test
  void theCatalogueKnowsEveryEventTypeAndNothingElse() {
    assertThat(CATALOGUE.typeNames())
        .contains(
            "user.registered",
            "org.created",
            "member.role_changed",
            "task.status_changed",
            "export.completed",
            "integration.created",
            "webhook.redelivered",
            "article.published",
            "comment.rejected")
        .allMatch(name -> name.matches("[a-z]+\\.[a-z_]+"));
    assertThat(CATALOGUE.contains("task.exploded")).isFalse();
  }
}

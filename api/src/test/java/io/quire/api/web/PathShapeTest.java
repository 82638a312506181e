package io.quire.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathShapeTest {

  private final PathShape task = PathShape.of("/api/v1/orgs/{slug}/tasks/{id}");

  @Test
  void aPathWithTheLiteralsInPlaceIsAdmitted() {
    assertThat(task.admits("/api/v1/orgs/acme/tasks/t-1")).isTrue();
    assertThat(task.admits("/api/v1/orgs/acme/tasks/t-1/")).isTrue();
  }

  @Test
  void anotherLiteralOrAnotherNumberOfSegmentsIsTurnedAway() {
    assertThat(task.admits("/api/v1/orgs/acme/members/u-1")).isFalse();
    assertThat(task.admits("/api/v1/orgs/acme")).isFalse();
    assertThat(task.admits("/api/v1/orgs/acme/tasks/t-1/exports")).isFalse();
    assertThat(task.admits("/api/v1/orgs/acme/Tasks/t-1")).isFalse();
    assertThat(task.admits("/")).isFalse();
  }

  @Test
  void aPathEndingWhereOnlyVariablesAndWildcardsAreLeftIsAdmitted() {
    // "/*" matches "/": a wildcard matches an empty last segment (found by PathShapeProperties).
    assertThat(PathShape.of("/*").admits("/")).isTrue();
    assertThat(PathShape.of("/a/*").admits("/a/")).isTrue();
    assertThat(task.admits("/api/v1/orgs/acme/tasks")).isTrue();
  }

  @Test
  void whatTheShapeCannotJudgeCheaplyIsAdmitted() {
    assertThat(task.admits("/api/v1/orgs/acme/ta%73ks/t-1")).isTrue();
    assertThat(task.admits("/api/v1/orgs/acme/tasks;x=1/t-1")).isTrue();
    assertThat(PathShape.of("/api/{id:\\d+}").admits("/other")).isTrue();
  }

  @Test
  void anOpenEndAdmitsAnyNumberOfFurtherSegmentsNoneIncluded() {
    PathShape docs = PathShape.of("/v3/api-docs/**");

    assertThat(docs.admits("/v3/api-docs")).isTrue();
    assertThat(docs.admits("/v3/api-docs/swagger-config/x")).isTrue();
    assertThat(docs.admits("/v3/other")).isFalse();
  }

  @Test
  void theRootPatternAdmitsTheRootOnly() {
    PathShape root = PathShape.of("/");

    assertThat(root.admits("/")).isTrue();
    assertThat(root.admits("/livez")).isFalse();
  }
}

package io.quire.query.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.query.articles.ArticleProjection;
import io.quire.query.comments.CommentProjection;
import io.quire.query.integrations.IntegrationProjection;
import io.quire.query.integrations.WebhookReceiptProjection;
import io.quire.query.orgs.OrgProjection;
import io.quire.query.tasks.TaskProjection;
import io.quire.query.testing.ReadModelDatabase;
import io.quire.query.users.UserDirectoryProjection;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadModelCatalogueTest {

  private final ReadModelCatalogue catalogue = new ReadModelCatalogue();
  private final ReadModelDatabase db = ReadModelDatabase.migrated();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void everyReadModelIsListedOnceInTheApisOrder() {
    assertThat(catalogue.all())
        .extracting(ReadModel::name)
        .containsExactly("orgs", "tasks", "articles", "integrations", "users", "audit", "exports");
    assertThat(catalogue.named("tasks")).map(ReadModel::name).contains("tasks");
    assertThat(catalogue.named("nope")).isEmpty();
  }

  @Test
  void everyProjectionThatBuildsAServedReadModelIsInExactlyOneRebuildableReadModel() {
    List<Class<?>> built =
        catalogue.all().stream()
            .flatMap(model -> model.projections().apply(db.jdbc()).stream())
            .<Class<?>>map(Object::getClass)
            .toList();

    assertThat(built)
        .containsExactlyInAnyOrder(
            OrgProjection.class,
            TaskProjection.class,
            ArticleProjection.class,
            CommentProjection.class,
            IntegrationProjection.class,
            WebhookReceiptProjection.class,
            UserDirectoryProjection.class);
  }

  /** The bookkeeping PostgreSQL's triggers keep (V6, V10); H2 has none of it. */
  private static final List<String> POSTGRESQL_ONLY =
      List.of("task_counts", "task_list_versions", "article_list_version");

  @Test
  void theTablesOfEveryReadModelExist() {
    for (ReadModel model : catalogue.all()) {
      for (String table : model.tables()) {
        if (!POSTGRESQL_ONLY.contains(table)) {
          assertThat(db.rows(table)).as(model.name() + ": " + table).isNotNegative();
        }
      }
      assertThat(POSTGRESQL_ONLY).containsAll(model.counters());
    }
  }

  @Test
  void aReadModelThatCannotBeRebuiltSaysWhyAndHasNothingToRebuild() {
    for (String name : List.of("audit", "exports")) {
      ReadModel model = catalogue.named(name).orElseThrow();

      assertThat(model.rebuildable()).isFalse();
      assertThat(model.notRebuildable()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
      assertThat(model.tables()).isEmpty();
      assertThat(model.projections().apply(db.jdbc())).isEmpty();
    }
    assertThat(
            catalogue.all().stream().filter(ReadModel::rebuildable).map(ReadModel::scratchSchema))
        .allMatch(Objects::nonNull)
        .allMatch(schema -> schema.matches("quire_rebuild_[a-z_]+"))
        .doesNotHaveDuplicates();
  }
}

package io.quire.query.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.quire.kernel.accounts.UserId;
import io.quire.kernel.integrations.FindIntegrationQuery;
import io.quire.kernel.integrations.IntegrationCreatedEvent;
import io.quire.kernel.integrations.IntegrationId;
import io.quire.kernel.integrations.IntegrationView;
import io.quire.kernel.integrations.ListIntegrationsQuery;
import io.quire.kernel.orgs.OrgId;
import io.quire.kernel.tasks.TaskId;
import io.quire.kernel.webhooks.ListReceiptsQuery;
import io.quire.kernel.webhooks.ReceiptId;
import io.quire.kernel.webhooks.ReceiptView;
import io.quire.kernel.webhooks.WebhookOutcome;
import io.quire.kernel.webhooks.WebhookReceivedEvent;
import io.quire.kernel.webhooks.WebhookRedeliveredEvent;
import io.quire.query.testing.ReadModelDatabase;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The integration and webhook receipt read models, built by their projections from events and read
 * by {@link IntegrationQueries}: an org's integrations newest first, never their secrets; an
 * integration's receipts with how often each was delivered.
 */
class IntegrationReadModelTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final ReadModelDatabase db = ReadModelDatabase.migrated();
  private final IntegrationProjection integrations = new IntegrationProjection(db.jdbc());
  private final WebhookReceiptProjection receipts = new WebhookReceiptProjection(db.jdbc());
  private final IntegrationQueries queries = new IntegrationQueries(db.jdbc());
  private final OrgId acme = new OrgId(UUID.randomUUID());
  private final UserId ada = new UserId(UUID.randomUUID());

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void anOrgsIntegrationsAreListedNewestFirstWithoutTheirSecrets() {
    IntegrationId ci = integration("CI", T0);
    IntegrationId tracker = integration("Tracker", T0.plusSeconds(60));
    integration(new OrgId(UUID.randomUUID()), "Elsewhere", T0);

    var page = queries.handle(new ListIntegrationsQuery(acme, 1, 20));

    assertThat(page.count()).isEqualTo(2);
    assertThat(page.results())
        .extracting(IntegrationView::integrationId)
        .containsExactly(tracker, ci);
    assertThat(queries.handle(new FindIntegrationQuery(acme, ci)))
        .contains(new IntegrationView(ci, acme, "CI", T0));
    assertThat(queries.handle(new FindIntegrationQuery(new OrgId(UUID.randomUUID()), ci)))
        .isEmpty();
    assertThat(db.jdbc().getJdbcTemplate().queryForList("SELECT * FROM integration_view"))
        .allSatisfy(row -> assertThat(row.values()).doesNotContain("sealed"));
  }

  @Test
  void aReceiptCountsItsDeliveriesAndAReplayedEventChangesNothing() {
    IntegrationId ci = integration("CI", T0);
    ReceiptId first = ReceiptId.of(ci, "evt_1");
    ReceiptId second = ReceiptId.of(ci, "evt_2");
    TaskId task = new TaskId(UUID.randomUUID());
    WebhookReceivedEvent received =
        new WebhookReceivedEvent(
            first, ci, acme, "evt_1", "task.created", WebhookOutcome.TASK_CREATED, task, T0, T0);
    receipts.on(received, 0);
    receipts.on(new WebhookRedeliveredEvent(first, ci, acme, T0.plusSeconds(5)), 1);
    receipts.on(new WebhookRedeliveredEvent(first, ci, acme, T0.plusSeconds(5)), 1);
    receipts.on(received, 0);
    receipts.on(
        new WebhookReceivedEvent(
            second,
            ci,
            acme,
            "evt_2",
            "task.noise",
            WebhookOutcome.IGNORED,
            null,
            T0,
            T0.plusSeconds(9)),
        0);

    var page = queries.handle(new ListReceiptsQuery(acme, ci, 1, 20));

    assertThat(page.count()).isEqualTo(2);
    assertThat(page.results())
        .extracting(ReceiptView::receiptId, ReceiptView::deliveries, ReceiptView::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(second, 1L, WebhookOutcome.IGNORED),
            org.assertj.core.groups.Tuple.tuple(first, 2L, WebhookOutcome.TASK_CREATED));
  }

  @Test
  void aResetEmptiesBothReadModelsBeforeAReplay() {
    IntegrationId ci = integration("CI", T0);
    receipts.on(
        new WebhookReceivedEvent(
            ReceiptId.of(ci, "evt_1"),
            ci,
            acme,
            "evt_1",
            "task.created",
            WebhookOutcome.NO_CHANGE,
            null,
            T0,
            T0),
        0);

    integrations.reset();
    receipts.reset();

    assertThat(db.rows("integration_view")).isZero();
    assertThat(db.rows("webhook_receipt_view")).isZero();
  }

  private IntegrationId integration(String name, Instant at) {
    return integration(acme, name, at);
  }

  private IntegrationId integration(OrgId org, String name, Instant at) {
    IntegrationId id = new IntegrationId(UUID.randomUUID());
    integrations.on(new IntegrationCreatedEvent(id, org, name, "sealed", ada, at));
    return id;
  }
}

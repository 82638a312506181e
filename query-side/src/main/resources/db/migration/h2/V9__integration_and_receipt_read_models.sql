-- Quire schema, version 9: the integration and webhook receipt read models.
-- H2 flavour of the PostgreSQL script (the same here).

-- IntegrationProjection: one row per integration, never its secret.
CREATE TABLE integration_view (
    integration_id uuid         NOT NULL PRIMARY KEY,
    org_id         uuid         NOT NULL,
    name           varchar(100) NOT NULL,
    created_at     timestamp(6) with time zone NOT NULL
);
-- An org's integrations, newest first.
CREATE INDEX integration_view_org_idx ON integration_view (org_id, created_at, integration_id);

-- WebhookReceiptProjection: one row per receipt (sender's event id at an integration).
CREATE TABLE webhook_receipt_view (
    receipt_id     uuid         NOT NULL PRIMARY KEY,
    integration_id uuid         NOT NULL,
    org_id         uuid         NOT NULL,
    event_id       varchar(200) NOT NULL,
    type           varchar(100) NOT NULL,
    outcome        varchar(32)  NOT NULL,
    task_id        uuid,
    received_at    timestamp(6) with time zone NOT NULL,
    -- the first delivery and every repeat
    deliveries     bigint       NOT NULL,
    -- the number of the receipt's events (its last Axon sequence number + 1)
    version        bigint       NOT NULL,
    UNIQUE (integration_id, event_id)
);
-- An integration's receipts, newest first.
CREATE INDEX webhook_receipt_view_integration_idx
    ON webhook_receipt_view (integration_id, received_at, receipt_id);

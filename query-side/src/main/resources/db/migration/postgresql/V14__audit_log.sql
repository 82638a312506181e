-- Quire schema, version 14: the audit log's index over the event store.
-- AuditLogProjection writes a row per stored event, in the transaction that appends it, so this
-- table holds exactly the committed events' global indexes. The event itself stays in
-- domain_event_entry; this adds what the audit reads filter on: the event's org (null for events
-- that belong to no org: users, articles, comments), its type name (task.created) and when it
-- was recorded. Rows of events stored before this version are written by the Java migration V15
-- (AuditLogBackfill).
CREATE TABLE audit_event (
    global_index bigint       NOT NULL PRIMARY KEY,
    org_id       uuid,
    type         varchar(100) NOT NULL,
    occurred_at  timestamp(6) with time zone NOT NULL,
    -- the database's clock when the row was written: how long a missing global index has been
    -- missing (AuditSettledHead), measured on one clock for every server
    recorded_at  timestamp(6) with time zone NOT NULL DEFAULT clock_timestamp()
);
-- An org's audit log, in commit order.
CREATE INDEX audit_event_org_idx ON audit_event (org_id, global_index) WHERE org_id IS NOT NULL;
-- The events recorded in the last seconds: where a page may have to stop.
CREATE INDEX audit_event_recorded_idx ON audit_event (recorded_at);

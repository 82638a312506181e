-- Quire schema, version 14: the audit log's index over the event store.
-- H2 flavour of the PostgreSQL script: no partial index, and CURRENT_TIMESTAMP as the clock.
CREATE TABLE audit_event (
    global_index bigint       NOT NULL PRIMARY KEY,
    org_id       uuid,
    type         varchar(100) NOT NULL,
    occurred_at  timestamp(6) with time zone NOT NULL,
    recorded_at  timestamp(6) with time zone NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX audit_event_org_idx ON audit_event (org_id, global_index);
CREATE INDEX audit_event_recorded_idx ON audit_event (recorded_at);

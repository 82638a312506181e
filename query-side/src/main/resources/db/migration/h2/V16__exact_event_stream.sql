-- Quire schema, version 16: the exact event stream (see the PostgreSQL script for the design).
-- H2 flavour: no partial indexes (the unique index on position also finds the unstamped rows).
ALTER TABLE audit_event ADD COLUMN position bigint;
ALTER TABLE audit_event ADD COLUMN seal varbinary(32);
ALTER TABLE audit_event ADD COLUMN stream_seal varbinary(32);
CREATE UNIQUE INDEX audit_event_position_idx ON audit_event (position);
DROP INDEX audit_event_org_idx;
CREATE INDEX audit_event_org_idx ON audit_event (org_id, position);
DROP INDEX audit_event_recorded_idx;
ALTER TABLE audit_event DROP COLUMN recorded_at;

CREATE TABLE event_stream_head (
    id       integer       NOT NULL PRIMARY KEY CHECK (id = 1),
    position bigint        NOT NULL,
    seal     varbinary(32) NOT NULL
);
INSERT INTO event_stream_head (id, position, seal)
VALUES (1, 0, X'0000000000000000000000000000000000000000000000000000000000000000');

-- Quire schema, version 16: the exact event stream. Every committed event gets a commit position
-- (1, 2, 3, ... with no gaps) and two SHA-256 seals, assigned after its commit by one stamper at a
-- time (io.quire.query.stream.Stamper): a position is only ever given to an event whose
-- transaction has committed, so a reader that goes on after position n never misses an event,
-- however long a writer's transaction stayed open. Readers page by position; the settle time of
-- V14 (recorded_at) is gone. Events stored before this version are stamped by the Java migration
-- V17 (EventStreamBackfill).
ALTER TABLE audit_event ADD COLUMN position bigint;
-- seal: SHA-256 over the previous seal (in position order) and this event as stored.
ALTER TABLE audit_event ADD COLUMN seal bytea;
-- stream_seal: SHA-256 over the previous stream seal of the same aggregate and this event.
ALTER TABLE audit_event ADD COLUMN stream_seal bytea;
CREATE UNIQUE INDEX audit_event_position_idx ON audit_event (position);
-- The stamper's queue: committed events without a position yet (a handful at any time).
CREATE INDEX audit_event_unstamped_idx ON audit_event (global_index) WHERE position IS NULL;
DROP INDEX audit_event_org_idx;
CREATE INDEX audit_event_org_idx ON audit_event (org_id, position) WHERE org_id IS NOT NULL;
DROP INDEX audit_event_recorded_idx;
ALTER TABLE audit_event DROP COLUMN recorded_at;

-- The newest position and its seal. Its one row is also the stamper's lock: whoever holds it
-- (SELECT ... FOR UPDATE) is the one stamper, on whichever server.
CREATE TABLE event_stream_head (
    id       integer NOT NULL PRIMARY KEY CHECK (id = 1),
    position bigint  NOT NULL,
    seal     bytea   NOT NULL
);
INSERT INTO event_stream_head (id, position, seal)
VALUES (1, 0, decode('0000000000000000000000000000000000000000000000000000000000000000', 'hex'));

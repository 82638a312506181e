-- The event store is written by Axon's JDBC engine (SnapshotlessJdbcEventStorageEngine), which
-- leaves an event's position to the database: global_index takes the next value of the sequence
-- Hibernate used to draw it from (in a round trip of its own, before every insert).
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT nextval('domain_event_entry_seq');
ALTER SEQUENCE domain_event_entry_seq OWNED BY domain_event_entry.global_index;

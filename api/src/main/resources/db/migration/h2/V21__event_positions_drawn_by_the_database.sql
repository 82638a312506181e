-- The event store is written by Axon's JDBC engine (SnapshotlessJdbcEventStorageEngine), which
-- leaves an event's position to the database: global_index takes the next value of the sequence
-- Hibernate used to draw it from (before every insert).
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT NEXT VALUE FOR domain_event_entry_seq;

-- Quire schema, version 18: audit_event is vacuumed sooner. Every row is written twice (inserted
-- with the event, then stamped with its position and seals, an UPDATE of indexed columns that is
-- never HOT), so it collects a dead tuple per event, and the stamper's queue
-- (audit_event_unstamped_idx) keeps an entry per event until VACUUM removes it; the stamper and its
-- probe walk those entries. PostgreSQL's default waits for 20% of the table to be dead, on a store
-- of a million events 200,000 entries (docs/performance.md, "The exact stream and its seals").
ALTER TABLE audit_event SET (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 10000,
    autovacuum_vacuum_insert_scale_factor = 0.0,
    autovacuum_vacuum_insert_threshold = 10000,
    autovacuum_analyze_scale_factor = 0.02
);

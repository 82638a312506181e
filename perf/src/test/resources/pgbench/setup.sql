-- The pgbench baseline's tables (perf/README.md, "Baselines"), in their own schema of the database
-- under test: an event table shaped like Axon's domain_event_entry (global index from a sequence,
-- unique aggregate id and sequence number, a ~300-byte payload) and one read-model row per
-- aggregate. 100,000 aggregates of 3 events each; pgbench's 16 clients each own 6,250 of them.
DROP SCHEMA IF EXISTS quire_pgbench CASCADE;
CREATE SCHEMA quire_pgbench;
CREATE SEQUENCE quire_pgbench.global_index;
CREATE TABLE quire_pgbench.event (
  global_index    bigint PRIMARY KEY DEFAULT nextval('quire_pgbench.global_index'),
  aggregate_id    bigint NOT NULL,
  sequence_number bigint NOT NULL,
  event_id        uuid NOT NULL UNIQUE,
  type            varchar(255) NOT NULL,
  time_stamp      varchar(255) NOT NULL,
  payload         bytea NOT NULL,
  UNIQUE (aggregate_id, sequence_number)
);
CREATE TABLE quire_pgbench.read_model (
  aggregate_id bigint PRIMARY KEY,
  version      bigint NOT NULL,
  title        text NOT NULL,
  status       text NOT NULL,
  updated_at   timestamptz NOT NULL
);
INSERT INTO quire_pgbench.event (aggregate_id, sequence_number, event_id, type, time_stamp, payload)
SELECT a, s, gen_random_uuid(), 'io.quire.kernel.tasks.TaskCreatedEvent', now()::text,
       convert_to(repeat('x', 300), 'UTF8')
FROM generate_series(1, 100000) a, generate_series(0, 2) s;
INSERT INTO quire_pgbench.read_model
SELECT a, 2, 'task ' || a, 'todo', now() FROM generate_series(1, 100000) a;
VACUUM ANALYZE quire_pgbench.event;
VACUUM ANALYZE quire_pgbench.read_model;

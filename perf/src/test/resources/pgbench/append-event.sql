-- One pgbench transaction: what a command costs the database at the least. Load the aggregate's
-- events, append one event with the next sequence number, upsert its read-model row, commit.
-- Client n works on aggregates n*6250+1 .. (n+1)*6250, so clients never collide on a sequence
-- number (as commands on different aggregates don't).
\set id :client_id * 6250 + random(1, 6250)
BEGIN;
SELECT sequence_number, type, payload FROM quire_pgbench.event
 WHERE aggregate_id = :id ORDER BY sequence_number;
INSERT INTO quire_pgbench.event (aggregate_id, sequence_number, event_id, type, time_stamp, payload)
SELECT :id, coalesce(max(sequence_number), -1) + 1, gen_random_uuid(),
       'io.quire.kernel.tasks.TaskStatusChangedEvent', now()::text,
       convert_to(repeat('y', 200), 'UTF8')
  FROM quire_pgbench.event WHERE aggregate_id = :id;
INSERT INTO quire_pgbench.read_model (aggregate_id, version, title, status, updated_at)
VALUES (:id, 0, 'task', 'in_progress', now())
ON CONFLICT (aggregate_id) DO UPDATE
   SET version = quire_pgbench.read_model.version + 1, status = EXCLUDED.status,
       updated_at = EXCLUDED.updated_at;
END;

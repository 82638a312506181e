-- Quire schema, version 20 (PostgreSQL only): task_counts holds no row of zero tasks.
--
-- task_counts_add (V6) left a count row at zero when an org's last task of a status moved on,
-- while a rebuild of the tasks read model (io.quire.query.rebuild) computes task_counts from
-- task_view in one GROUP BY, which has no such rows. Readers sum the counts and never told the
-- two apart, but a rebuilt read model must equal the live one row for row, whichever way each
-- count row was made. So a count that reaches zero now deletes its row. The decrement holds the
-- row's lock until its transaction ends, so the delete is safe against concurrent changes: an
-- increment waiting on the row finds it gone at commit and inserts a new one (ON CONFLICT
-- rechecks), and no other decrement can be waiting on a row whose count is one.
CREATE OR REPLACE FUNCTION task_counts_add(org uuid, task_status varchar, delta integer)
RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    remaining bigint;
BEGIN
    IF delta > 0 THEN
        INSERT INTO task_counts (org_id, status, tasks) VALUES (org, task_status, delta)
        ON CONFLICT (org_id, status) DO UPDATE SET tasks = task_counts.tasks + EXCLUDED.tasks;
    ELSE
        UPDATE task_counts SET tasks = tasks + delta WHERE org_id = org AND status = task_status
        RETURNING tasks INTO remaining;
        IF remaining = 0 THEN
            DELETE FROM task_counts WHERE org_id = org AND status = task_status;
        END IF;
    END IF;
END
$$;

DELETE FROM task_counts WHERE tasks = 0;

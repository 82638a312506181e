-- Quire schema, version 6 (PostgreSQL only): bookkeeping of each org's task list, kept by
-- triggers on task_view (docs/performance.md):
--   task_counts         how many tasks each org has in each status, so that a task list page does
--                       not count the org's tasks again for every request. The task list reads it
--                       for its count unless it filters by assignee or text (TaskListSql); those
--                       filters count their matches, as H2 always does.
--   task_list_versions  a number that grows with every change to any of the org's tasks, so that
--                       a page of the list computed at version n can be served again while the
--                       version is still n (TaskPageCache).
--
-- Triggers, not the projection: whatever changes task_view (TaskProjection's handlers, its reset
-- before a replay, an operator's repair) changes these rows in the same transaction, so they can
-- never drift from the rows they describe. A transaction changes one task at a time, and the two
-- count rows of a status change are locked in the order of their status names, so concurrent
-- status changes cannot deadlock on them.

CREATE TABLE task_counts (
    org_id uuid        NOT NULL,
    status varchar(16) NOT NULL,
    tasks  bigint      NOT NULL CHECK (tasks >= 0),
    PRIMARY KEY (org_id, status)
);

INSERT INTO task_counts (org_id, status, tasks)
SELECT org_id, status, COUNT(*) FROM task_view GROUP BY org_id, status;

-- One more task of the org in this status (its count row is made on first use), or one fewer (its
-- row exists: the task being counted out was counted in). Decrements are updates, not upserts: an
-- insert's CHECK runs before its conflict is found, so a proposed row of -1 would fail it.
CREATE FUNCTION task_counts_add(org uuid, task_status varchar, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF delta > 0 THEN
        INSERT INTO task_counts (org_id, status, tasks) VALUES (org, task_status, delta)
        ON CONFLICT (org_id, status) DO UPDATE SET tasks = task_counts.tasks + EXCLUDED.tasks;
    ELSE
        UPDATE task_counts SET tasks = tasks + delta WHERE org_id = org AND status = task_status;
    END IF;
END
$$;

CREATE TABLE task_list_versions (
    org_id  uuid   NOT NULL PRIMARY KEY,
    version bigint NOT NULL
);

INSERT INTO task_list_versions (org_id, version) SELECT DISTINCT org_id, 1 FROM task_view;

-- A new version of the org's list. Versions only ever grow (never reset, never deleted), so a
-- version once seen is never seen again for another state of the list.
CREATE FUNCTION task_list_versions_bump(org uuid) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO task_list_versions (org_id, version) VALUES (org, 1)
    ON CONFLICT (org_id) DO UPDATE SET version = task_list_versions.version + 1;
$$;

CREATE FUNCTION task_list_versions_follow_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM task_list_versions_bump(OLD.org_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.org_id IS DISTINCT FROM OLD.org_id) THEN
        PERFORM task_list_versions_bump(NEW.org_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION task_counts_follow_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
    ELSIF (OLD.org_id, OLD.status) < (NEW.org_id, NEW.status) THEN
        PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
        PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
    ELSE
        PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
        PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION task_list_follow_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM task_counts;
    UPDATE task_list_versions SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER task_view_counts_insert_delete
    AFTER INSERT OR DELETE ON task_view
    FOR EACH ROW EXECUTE FUNCTION task_counts_follow_row();

CREATE TRIGGER task_view_counts_update
    AFTER UPDATE OF org_id, status ON task_view
    FOR EACH ROW
    WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION task_counts_follow_row();

CREATE TRIGGER task_view_list_truncate
    AFTER TRUNCATE ON task_view
    FOR EACH STATEMENT EXECUTE FUNCTION task_list_follow_truncate();

CREATE TRIGGER task_view_list_versions
    AFTER INSERT OR UPDATE OR DELETE ON task_view
    FOR EACH ROW EXECUTE FUNCTION task_list_versions_follow_row();

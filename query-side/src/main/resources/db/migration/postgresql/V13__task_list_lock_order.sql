-- Quire schema, version 13 (PostgreSQL only): one lock order for an org's task list bookkeeping.
--
-- V6 kept task_counts and task_list_versions with three row triggers, fired in the order of their
-- names: the count rows first, then the version row. A transaction that changes a task twice (an
-- edit of its title and its status is two events, so two updates of its task_view row) took the
-- version row with the first update and a count row with the second, while a task created at the
-- same moment took that count row first and then wanted the version row: PostgreSQL found the
-- cycle and failed one of them ("deadlock detected", a 500). Now one trigger does both, the org's
-- version row always first: every transaction that changes an org's tasks takes that row before
-- any count row, so two of them can only wait for each other in one direction.

CREATE FUNCTION task_list_follow_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    -- The version row (the org's lock, taken first by every change to its tasks) ...
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM task_list_versions_bump(OLD.org_id);
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.org_id IS DISTINCT FROM OLD.org_id) THEN
        PERFORM task_list_versions_bump(NEW.org_id);
    END IF;
    -- ... then the count rows, the two of a status change in the order of their status names.
    IF TG_OP = 'INSERT' THEN
        PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
    ELSIF (OLD.org_id, OLD.status) IS DISTINCT FROM (NEW.org_id, NEW.status) THEN
        IF (OLD.org_id, OLD.status) < (NEW.org_id, NEW.status) THEN
            PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
            PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
        ELSE
            PERFORM task_counts_add(NEW.org_id, NEW.status, 1);
            PERFORM task_counts_add(OLD.org_id, OLD.status, -1);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

DROP TRIGGER task_view_counts_insert_delete ON task_view;
DROP TRIGGER task_view_counts_update ON task_view;
DROP TRIGGER task_view_list_versions ON task_view;
DROP FUNCTION task_counts_follow_row();
DROP FUNCTION task_list_versions_follow_row();

CREATE TRIGGER task_view_list_follow_row
    AFTER INSERT OR UPDATE OR DELETE ON task_view
    FOR EACH ROW EXECUTE FUNCTION task_list_follow_row();

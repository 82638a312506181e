-- Quire schema, version 8: exports of an org's tasks, built by query-side's ExportProjection
-- (processing group "exports") and written by the api's background export job.
--   export_view   one row per export: its status, as the API shows it
--   export_rows   the tasks an export holds, copied from task_view (with the users' names) in the
--                 transaction of the request, so the file shows the tasks as they stood then;
--                 deleted once the file is written
--   export_chunks the written file, in chunks of about 256 KiB, so writing and downloading it
--                 never hold the whole file in memory, and every server sees it

CREATE TABLE export_view (
    export_id     uuid        NOT NULL PRIMARY KEY,
    org_id        uuid        NOT NULL,
    format        varchar(8)  NOT NULL CHECK (format IN ('csv', 'json')),
    -- null: every task of the org
    status_filter varchar(16) CHECK (status_filter IN ('todo', 'in_progress', 'done')),
    status        varchar(16) NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    requested_by  uuid        NOT NULL,
    row_count     bigint,
    created_at    timestamp(6) with time zone NOT NULL,
    started_at    timestamp(6) with time zone,
    completed_at  timestamp(6) with time zone,
    error         text,
    -- the number of the export's events (its last Axon sequence number + 1)
    version       bigint      NOT NULL
);
-- the recovery sweep: exports still pending or running, oldest first
CREATE INDEX export_view_status_idx ON export_view (status, created_at);

CREATE TABLE export_rows (
    export_id   uuid         NOT NULL,
    -- the row's place in the file: 1, 2, ... (oldest task first, ties by task id)
    position    bigint       NOT NULL,
    task_id     uuid         NOT NULL,
    title       varchar(200) NOT NULL,
    status      varchar(16)  NOT NULL,
    -- usernames; null for a task an integration created, or one nobody holds
    created_by  varchar(150),
    assigned_to varchar(150),
    due_date    date,
    created_at  timestamp(6) with time zone NOT NULL,
    PRIMARY KEY (export_id, position)
);

CREATE TABLE export_chunks (
    export_id uuid    NOT NULL,
    seq       integer NOT NULL,
    bytes     bytea   NOT NULL,
    PRIMARY KEY (export_id, seq)
);

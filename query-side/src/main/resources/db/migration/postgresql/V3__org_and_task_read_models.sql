-- Quire schema, version 3: the read models of orgs, memberships and tasks, built by query-side's
-- OrgProjection (processing group "orgs") and TaskProjection ("tasks"). This script lives in the
-- query-side jar: Flyway finds it next to api's scripts at classpath:db/migration/postgresql.
-- Read models do not re-validate what the aggregates decided (no length limits beyond the ones
-- the API documents); their keys and checks only catch a projection bug.

-- ?q= on tasks: ILIKE served by trigram GIN indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Orgs ---------------------------------------------------------------------------------------
CREATE TABLE org_view (
    org_id       uuid        NOT NULL PRIMARY KEY,
    slug         varchar(50) NOT NULL,
    name         text        NOT NULL,
    created_at   timestamp(6) with time zone NOT NULL,
    member_count integer     NOT NULL CHECK (member_count >= 0),
    -- the number of the org's events (its last Axon sequence number + 1)
    version      bigint      NOT NULL,
    CONSTRAINT org_view_slug_unique UNIQUE (slug)
);

CREATE TABLE org_member_view (
    org_id    uuid        NOT NULL REFERENCES org_view (org_id),
    user_id   uuid        NOT NULL,
    role      varchar(16) NOT NULL CHECK (role IN ('admin', 'member')),
    joined_at timestamp(6) with time zone NOT NULL,
    PRIMARY KEY (org_id, user_id)
);
-- "my orgs": a user's memberships, and the org to join them with
CREATE INDEX org_member_view_user_idx ON org_member_view (user_id, org_id);
-- the member list: oldest membership first, ties by user id
CREATE INDEX org_member_view_joined_idx ON org_member_view (org_id, joined_at, user_id);

-- Tasks --------------------------------------------------------------------------------------
CREATE TABLE task_view (
    task_id     uuid         NOT NULL PRIMARY KEY,
    org_id      uuid         NOT NULL,
    title       varchar(200) NOT NULL,
    description text,
    status      varchar(16)  NOT NULL CHECK (status IN ('todo', 'in_progress', 'done')),
    -- null for tasks created by an integration
    created_by  uuid,
    assigned_to uuid,
    due_date    date,
    created_at  timestamp(6) with time zone NOT NULL,
    updated_at  timestamp(6) with time zone NOT NULL,
    -- the number of the task's events (its last Axon sequence number + 1)
    version     bigint       NOT NULL
);
-- Every list is one org's tasks (org_id first), ordered with ties broken by task_id.
-- ordering=-created_at (the default, read backwards) and ordering=created_at
CREATE INDEX task_view_org_created_idx ON task_view (org_id, created_at, task_id);
-- ordering=due_date and ordering=-due_date: tasks without a due date come last in both
-- directions, so each direction has its own index (a backward scan would put them first)
CREATE INDEX task_view_org_due_idx ON task_view (org_id, due_date ASC NULLS LAST, task_id ASC);
CREATE INDEX task_view_org_due_desc_idx ON task_view (org_id, due_date DESC NULLS LAST, task_id DESC);
-- ?status= and ?assigned_to= (also "me"), in the default ordering
CREATE INDEX task_view_org_status_idx ON task_view (org_id, status, created_at, task_id);
CREATE INDEX task_view_org_assignee_idx ON task_view (org_id, assigned_to, created_at, task_id);
-- ?q=: title ILIKE '%text%' OR description ILIKE '%text%'
CREATE INDEX task_view_title_trgm_idx ON task_view USING gin (title gin_trgm_ops);
CREATE INDEX task_view_description_trgm_idx ON task_view USING gin (description gin_trgm_ops);

-- Quire schema, version 19: the state of each read model's rebuild (io.quire.query.rebuild).
--
-- One row per read model that has ever been rebuilt, shared by every server on the database: the
-- server that runs a rebuild owns the row while its lease lasts and renews the lease with every
-- batch, in the same transaction as the batch's rows in the new copy and the position it reached
-- (so a batch is in the new copy exactly when the position says so). A server that stops mid-rebuild
-- stops renewing; when the lease has run out, any server takes the rebuild over from that position.
CREATE TABLE projection_rebuild (
    name                  varchar(50)  NOT NULL PRIMARY KEY,
    status                varchar(16)  NOT NULL CHECK (status IN ('replaying', 'done', 'error')),
    -- the server running it (a random id per server process) and how long its claim lasts
    owner                 varchar(100) NOT NULL,
    lease_until           timestamp(6) with time zone NOT NULL,
    started_at            timestamp(6) with time zone NOT NULL,
    finished_at           timestamp(6) with time zone,
    -- the commit position the new copy has been built up to, and the head when it was last read
    position              bigint       NOT NULL CHECK (position >= 0),
    target                bigint       NOT NULL CHECK (target >= 0),
    events_per_second     double precision NOT NULL DEFAULT 0,
    -- how many times a server took the rebuild over from one that had stopped
    resumed               integer      NOT NULL DEFAULT 0,
    -- the event a handler could not apply (status error), or why the rebuild stopped
    error_position        bigint,
    error_global_sequence bigint,
    error_message         text
);

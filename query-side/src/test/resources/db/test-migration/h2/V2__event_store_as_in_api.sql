-- Test only: Axon's event table, as api's V1 migration creates it (the audit log reads events
-- from it and its projection and backfill read their global indexes).
CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    event_identifier     varchar(255) NOT NULL UNIQUE,
    meta_data            binary large object,
    payload              binary large object        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    UNIQUE (aggregate_identifier, sequence_number)
);

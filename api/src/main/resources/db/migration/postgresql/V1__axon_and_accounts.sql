-- Quire schema, version 1: Axon's JPA tables (event store, tokens, and the saga and dead-letter
-- tables Axon registers even when unused) and the accounts credential store.
-- Payload columns are bytea, not large objects (see QuirePostgresDialect).

-- Axon: the event store ----------------------------------------------------------------------
CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL PRIMARY KEY,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    event_identifier     varchar(255) NOT NULL UNIQUE,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL UNIQUE,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    PRIMARY KEY (sequence_number, aggregate_identifier, type)
);

-- Axon: tracking tokens of the event processors ----------------------------------------------
CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    "timestamp"    varchar(255) NOT NULL,
    owner          varchar(255),
    PRIMARY KEY (processor_name, segment)
);

-- Axon: sagas and dead letters (registered by Axon's auto-configuration) ---------------------
CREATE TABLE saga_entry (
    saga_id         varchar(255) NOT NULL PRIMARY KEY,
    revision        varchar(255),
    saga_type       varchar(255),
    serialized_saga bytea
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id                bigint       NOT NULL PRIMARY KEY,
    association_key   varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id           varchar(255) NOT NULL,
    saga_type         varchar(255)
);
CREATE INDEX association_value_entry_saga_idx ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_lookup_idx
    ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)  NOT NULL PRIMARY KEY,
    processing_group     varchar(255)  NOT NULL,
    sequence_identifier  varchar(255)  NOT NULL,
    sequence_index       bigint        NOT NULL,
    message_type         varchar(255)  NOT NULL,
    event_identifier     varchar(255)  NOT NULL,
    time_stamp           varchar(255)  NOT NULL,
    payload_type         varchar(255)  NOT NULL,
    payload_revision     varchar(255),
    payload              bytea         NOT NULL,
    meta_data            bytea,
    type                 varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          timestamp(6) with time zone NOT NULL,
    last_touched         timestamp(6) with time zone,
    processing_started   timestamp(6) with time zone,
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group_idx ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_idx ON dead_letter_entry (processing_group, sequence_identifier);

-- Accounts: the credential store (not event-sourced: secrets stay out of the event history) ---
CREATE TABLE accounts (
    id            uuid         NOT NULL PRIMARY KEY,
    username      varchar(150) NOT NULL,
    -- lower-cased username: the unique index is the set validation for usernames
    username_key  varchar(150) NOT NULL,
    email         varchar(254) NOT NULL,
    password_hash varchar(255) NOT NULL,
    staff         boolean      NOT NULL,
    created_at    timestamp(6) with time zone NOT NULL,
    CONSTRAINT accounts_username_key_unique UNIQUE (username_key)
);

CREATE TABLE access_tokens (
    -- hex SHA-256 of the token; the token itself is never stored
    token_hash varchar(64) NOT NULL PRIMARY KEY,
    user_id    uuid        NOT NULL REFERENCES accounts (id),
    created_at timestamp(6) with time zone NOT NULL
);
CREATE INDEX access_tokens_user_idx ON access_tokens (user_id);

-- Read model: the user directory (built by UserDirectoryProjection) --------------------------
CREATE TABLE user_directory (
    id       uuid         NOT NULL PRIMARY KEY,
    username varchar(150) NOT NULL
);

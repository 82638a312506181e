-- Quire schema, version 24: a record of every time the stream's seals were computed again.
-- Seals cover the events as stored. A migration that rewrites stored events in place (V25 seals
-- the personal data of events stored before crypto-shredding) must compute the seals again from
-- the first event it changed; each time, it records here from which position, the head's
-- position, and the head's hash before and after, so that an auditor who kept an older hash can
-- see why it changed and from where.
CREATE TABLE event_stream_reseal (
    resealed_at   timestamp(6) with time zone NOT NULL,
    migration     varchar(50)  NOT NULL,
    from_position bigint       NOT NULL,
    head_position bigint       NOT NULL,
    old_head_hash varchar(64)  NOT NULL,
    new_head_hash varchar(64)  NOT NULL,
    events_changed bigint      NOT NULL
);

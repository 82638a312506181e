-- Crypto-shredding (docs/architecture.md, Personal data in events): one AES-256 key per person,
-- kept outside the event store and sealed under QUIRE_SECRET_KEY (SecretBox). Erasing a person
-- destroys the key (wrapped_key becomes NULL) and records when; what was encrypted with it can never
-- be read again, while the events themselves, and their seals, stay as they were.
CREATE TABLE personal_data_key (
    subject_id  varchar(36)  NOT NULL PRIMARY KEY,
    wrapped_key varchar(200),
    created_at  timestamp    NOT NULL,
    erased_at   timestamp,
    CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
);

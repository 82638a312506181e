-- Test only: the user directory read model, as api's V1 migration creates it (the org and task
-- read models join it for usernames). query-side's own V3 script comes from src/main/resources.
CREATE TABLE user_directory (
    id       uuid         NOT NULL PRIMARY KEY,
    username varchar(150) NOT NULL
);

-- Quire schema, version 4: the command side's article lookup.

-- Articles: which exist, in which status, for command validation (comments may be posted only on
-- published articles). Written by ArticleLookupUpdater in the transaction that appends the
-- article's events; not a read model, so rebuilding read models never touches it. Looked up by
-- primary key only.
CREATE TABLE article_lookup (
    article_id uuid        NOT NULL PRIMARY KEY,
    status     varchar(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'ARCHIVED'))
);

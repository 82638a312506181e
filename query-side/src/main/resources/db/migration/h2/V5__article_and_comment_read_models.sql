-- Quire schema, version 5: the read models of articles and comments, built by query-side's
-- ArticleProjection (processing group "articles") and CommentProjection ("comments"). This
-- script lives in the query-side jar: Flyway finds it next to api's scripts at
-- classpath:db/migration/h2. (V4 is the command side's article lookup.)
-- H2 flavour of the PostgreSQL script: unbounded strings are character varying (not CLOBs);
-- H2 has no partial indexes (the PostgreSQL ones become plain indexes led by what their
-- condition selects), no trigram index (?q= is LOWER(x) LIKE LOWER(pattern), a scan of the
-- published articles) and no index on an expression (?author= scans user_directory).

-- Articles -----------------------------------------------------------------------------------
CREATE TABLE article_view (
    article_id    uuid              NOT NULL PRIMARY KEY,
    author_id     uuid              NOT NULL,
    title         varchar(200)      NOT NULL,
    body          character varying NOT NULL,
    -- the tags for display, in their order, joined by ',' ('' for none); slugs have no commas.
    -- article_tag holds them one per row for ?tag=.
    tags          character varying NOT NULL,
    status        varchar(16)       NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    created_at    timestamp(6) with time zone NOT NULL,
    updated_at    timestamp(6) with time zone NOT NULL,
    -- null until published; kept when archived
    published_at  timestamp(6) with time zone,
    -- approved comments; written by CommentProjection, never by the article's own events
    comment_count integer           NOT NULL CHECK (comment_count >= 0),
    -- the number of the article's events (its last Axon sequence number + 1)
    version       bigint            NOT NULL
);
-- The published list: published only, newest published_at first, ties by article_id
CREATE INDEX article_view_published_idx ON article_view (status, published_at, article_id);
-- ?author=: that author's articles in list order
CREATE INDEX article_view_author_published_idx ON article_view (author_id, published_at, article_id);

CREATE TABLE article_tag (
    article_id   uuid        NOT NULL REFERENCES article_view (article_id),
    tag          varchar(50) NOT NULL,
    -- 0 for the first tag
    position     integer     NOT NULL,
    -- the article's published_at while it is published, else null (a draft, an archived
    -- article): so one index walks "published with this tag, newest first" in list order
    published_at timestamp(6) with time zone,
    PRIMARY KEY (article_id, tag)
);
-- ?tag=: the articles with this tag in list order
CREATE INDEX article_tag_published_idx ON article_tag (tag, published_at, article_id);

-- Comments -----------------------------------------------------------------------------------
-- No foreign key to article_view: the two read models are reset and rebuilt independently.
CREATE TABLE comment_view (
    comment_id       uuid              NOT NULL PRIMARY KEY,
    article_id       uuid              NOT NULL,
    author_id        uuid              NOT NULL,
    body             character varying NOT NULL,
    status           varchar(16)       NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    -- the moderator's reason while rejected (may be null then too)
    rejection_reason character varying,
    created_at       timestamp(6) with time zone NOT NULL,
    -- the number of the comment's events (its last Axon sequence number + 1)
    version          bigint            NOT NULL
);
-- an article's approved comments, oldest first, ties by comment_id
CREATE INDEX comment_view_article_idx ON comment_view (article_id, status, created_at, comment_id);
-- the moderation queue with ?status=, oldest first
CREATE INDEX comment_view_status_idx ON comment_view (status, created_at, comment_id);
-- the moderation queue without ?status= (every comment), oldest first
CREATE INDEX comment_view_created_idx ON comment_view (created_at, comment_id);

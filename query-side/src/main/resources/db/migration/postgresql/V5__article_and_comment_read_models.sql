-- Quire schema, version 5: the read models of articles and comments, built by query-side's
-- ArticleProjection (processing group "articles") and CommentProjection ("comments"). This
-- script lives in the query-side jar: Flyway finds it next to api's scripts at
-- classpath:db/migration/postgresql. (V4 is the command side's article lookup.)
-- Read models do not re-validate what the aggregates decided; their keys and checks only catch a
-- projection bug. pg_trgm was created by V3.

-- Articles -----------------------------------------------------------------------------------
CREATE TABLE article_view (
    article_id    uuid         NOT NULL PRIMARY KEY,
    author_id     uuid         NOT NULL,
    title         varchar(200) NOT NULL,
    body          text         NOT NULL,
    -- the tags for display, in their order, joined by ',' ('' for none); slugs have no commas.
    -- article_tag holds them one per row for ?tag=.
    tags          text         NOT NULL,
    status        varchar(16)  NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
    created_at    timestamp(6) with time zone NOT NULL,
    updated_at    timestamp(6) with time zone NOT NULL,
    -- null until published; kept when archived
    published_at  timestamp(6) with time zone,
    -- approved comments; written by CommentProjection, never by the article's own events
    comment_count integer      NOT NULL CHECK (comment_count >= 0),
    -- the number of the article's events (its last Axon sequence number + 1)
    version       bigint       NOT NULL
);
-- The published list (GET /articles/): published only, newest published_at first, ties by
-- article_id (read backwards). Partial: drafts and archived articles are not in it at all.
CREATE INDEX article_view_published_idx ON article_view (published_at, article_id)
    WHERE status = 'published';
-- ?author=: that author's published articles in list order
CREATE INDEX article_view_author_published_idx ON article_view (author_id, published_at, article_id)
    WHERE status = 'published';
-- ?q=: title ILIKE '%text%' OR body ILIKE '%text%', published articles only
CREATE INDEX article_view_title_trgm_idx ON article_view USING gin (title gin_trgm_ops)
    WHERE status = 'published';
CREATE INDEX article_view_body_trgm_idx ON article_view USING gin (body gin_trgm_ops)
    WHERE status = 'published';

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
-- ?tag=: the published articles with this tag in list order (read backwards)
CREATE INDEX article_tag_published_idx ON article_tag (tag, published_at, article_id)
    WHERE published_at IS NOT NULL;

-- Comments -----------------------------------------------------------------------------------
-- No foreign key to article_view: the two read models are reset and rebuilt independently.
CREATE TABLE comment_view (
    comment_id       uuid        NOT NULL PRIMARY KEY,
    article_id       uuid        NOT NULL,
    author_id        uuid        NOT NULL,
    body             text        NOT NULL,
    status           varchar(16) NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    -- the moderator's reason while rejected (may be null then too)
    rejection_reason text,
    created_at       timestamp(6) with time zone NOT NULL,
    -- the number of the comment's events (its last Axon sequence number + 1)
    version          bigint      NOT NULL
);
-- an article's approved comments, oldest first, ties by comment_id
CREATE INDEX comment_view_article_idx ON comment_view (article_id, status, created_at, comment_id);
-- the moderation queue with ?status=, oldest first
CREATE INDEX comment_view_status_idx ON comment_view (status, created_at, comment_id);
-- the moderation queue without ?status= (every comment), oldest first
CREATE INDEX comment_view_created_idx ON comment_view (created_at, comment_id);

-- The user directory (api's V1) ----------------------------------------------------------------
-- ?author=<username> in any letter case: the article list looks the author's id up once, as a
-- scalar subquery (lower(username) = lower(:author)), then walks the author's index in list order.
-- Usernames are stored here as registered and are unique in any letter case (accounts.username_key
-- is the set validation); this index states it, so the subquery never finds two users.
CREATE UNIQUE INDEX user_directory_username_lower_idx ON user_directory (lower(username));

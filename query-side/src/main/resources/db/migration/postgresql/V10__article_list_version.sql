-- Quire schema, version 10 (PostgreSQL only): the version of the public article list, kept by
-- triggers on article_view (docs/performance.md):
--   article_list_version  one row: a number that grows with every change to a published article
--                         (published, edited, archived, its comment count moved), so that a page
--                         of the list computed at version n can be served again while the version
--                         is still n (VersionedPages in ArticleQueries). Drafts and archived
--                         articles are not in the list; their changes leave it alone.
--
-- Triggers, not the projection: whatever changes article_view changes the version in the same
-- transaction. The one row is a hot spot for concurrent changes of published articles (they take
-- turns on it until they commit); articles change rarely next to how often the list is read.

CREATE TABLE article_list_version (
    id      boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (id),
    version bigint  NOT NULL
);

INSERT INTO article_list_version (id, version) VALUES (true, 1);

CREATE FUNCTION article_list_version_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE article_list_version SET version = version + 1 WHERE id;
    RETURN NULL;
END
$$;

CREATE TRIGGER article_list_version_on_insert
    AFTER INSERT ON article_view FOR EACH ROW
    WHEN (NEW.status = 'published')
    EXECUTE FUNCTION article_list_version_bump();

CREATE TRIGGER article_list_version_on_update
    AFTER UPDATE ON article_view FOR EACH ROW
    WHEN (OLD.status = 'published' OR NEW.status = 'published')
    EXECUTE FUNCTION article_list_version_bump();

CREATE TRIGGER article_list_version_on_delete
    AFTER DELETE ON article_view FOR EACH ROW
    WHEN (OLD.status = 'published')
    EXECUTE FUNCTION article_list_version_bump();

CREATE TRIGGER article_list_version_on_truncate
    AFTER TRUNCATE ON article_view FOR EACH STATEMENT
    EXECUTE FUNCTION article_list_version_bump();

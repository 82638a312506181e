-- H2 counts the length of a varchar in UTF-16 units, PostgreSQL (and the API) in characters: a
-- title of 200 emoji is 200 characters but 400 UTF-16 units, and did not fit H2's varchar(200).
-- The API checks every limit in characters before anything is stored, so on H2 these columns
-- only need room for twice as many units. PostgreSQL's columns are right as they are.
ALTER TABLE task_view ALTER COLUMN title SET DATA TYPE varchar(400);
ALTER TABLE article_view ALTER COLUMN title SET DATA TYPE varchar(400);
ALTER TABLE export_rows ALTER COLUMN title SET DATA TYPE varchar(400);
ALTER TABLE integration_view ALTER COLUMN name SET DATA TYPE varchar(200);
ALTER TABLE webhook_receipt_view ALTER COLUMN type SET DATA TYPE varchar(200);
ALTER TABLE webhook_receipt_view ALTER COLUMN event_id SET DATA TYPE varchar(400);

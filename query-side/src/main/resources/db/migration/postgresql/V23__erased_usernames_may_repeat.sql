-- Quire schema, version 23: the user directory after erasures (crypto-shredding, issue 22).
-- An erased user's username reads '[erased]', in the directory and when a rebuild reads their
-- registration again, so many users may have it. Usernames stay unique in any letter case among
-- everyone else, and ?author= (lower(username) = lower(:author) AND username <> '[erased]') still
-- finds at most one user through this index.
DROP INDEX user_directory_username_lower_idx;
CREATE UNIQUE INDEX user_directory_username_lower_idx ON user_directory (lower(username))
    WHERE username <> '[erased]';

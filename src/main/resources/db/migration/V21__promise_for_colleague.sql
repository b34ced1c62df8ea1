-- Whether a promise was made by someone other than its client's owner. The queue holds the clients a
-- user owns and shows every pending promise to them, whoever made it: the owner's own promises come
-- from the maker index, and only the flagged ones need a join to the client to find their owner.
-- Open promises follow their client to a new owner (clients.OpenWorkHandover), so a promise without
-- the flag stays the owner's. Existing rows: added as FALSE (no rewrite of the table on PostgreSQL),
-- then the few made by a colleague set. New rows default to TRUE: a path that does not know (an
-- archive of an older version) is looked up through its client, which is always right, only slower.
ALTER TABLE promise ADD COLUMN for_colleague BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE promise SET for_colleague = TRUE WHERE NOT EXISTS (
    SELECT 1 FROM client c WHERE c.team_id = promise.team_id AND c.id = promise.client_id
      AND c.owner_id = promise.user_id);
ALTER TABLE promise ALTER COLUMN for_colleague SET DEFAULT TRUE;
CREATE INDEX ix_promise_colleague ON promise (team_id, for_colleague, due_on);

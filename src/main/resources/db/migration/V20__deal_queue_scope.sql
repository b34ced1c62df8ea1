-- Which deals can still ask their client's owner for anything (a milestone update, an active listing):
-- every deal until it is closed and its client has had a real outbound touch after its last milestone.
-- A job clears it (deals.ToldDealsJob); the queue reads only deals in scope, so its cost follows the
-- open and untold deals, not every deal a team ever closed. TRUE by default: a row written by any
-- path (bulk load, archive import) is in scope until the job has seen it told.
ALTER TABLE deal ADD COLUMN queue_scope BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX ix_deal_queue_scope ON deal (team_id, queue_scope, client_id);

INSERT INTO job_lock (name, locked_until, locked_by)
VALUES ('told-deals', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00', 'none');

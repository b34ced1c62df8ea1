-- Which deals can still ask their client's owner for anything (a milestone update, an active listing):
-- every deal until it is closed and its client has had a real outbound touch after its last milestone.
-- A job clears it (deals.ToldDealsJob); the queue reads only deals in scope, so its cost follows the
-- open and untold deals, not every deal a team ever closed. TRUE by default: a row written by any
-- path (bulk load, archive import) is in scope until the job has seen it told.
ALTER TABLE deal ADD COLUMN queue_scope BOOLEAN DEFAULT TRUE NOT NULL;
CREATE INDEX ix_deal_queue_scope ON deal (team_id, queue_scope, client_id);

INSERT INTO job_lock (name, locked_until, locked_by)
VALUES ('told-deals', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00', 'none');

-- An active listing now tightens its client's cadence whoever made the deal (it counted only the
-- owner's): drop the cadence rows of clients with a colleague's open listing deal, so the start-up
-- backfill (a client without a row) computes them again with the new rule.
DELETE FROM client_cadence WHERE client_id IN (
    SELECT d.client_id FROM deal d JOIN client c ON c.team_id = d.team_id AND c.id = d.client_id
    WHERE d.status = 'open' AND d.listing_from IS NOT NULL AND d.user_id <> c.owner_id);

-- Manager dashboard (issue #7): rollups kept on write, so a 500-member team's dashboard reads small
-- tables instead of millions of touches. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Existing teams are filled in once at start (dashboard.RollupBackfill).

-- Real touches and late signals (inbound update requests) per recording user, local day (the
-- team's zone) and client kind.
CREATE TABLE touch_day (
    team_id      BIGINT NOT NULL REFERENCES team (id),
    user_id      BIGINT NOT NULL REFERENCES app_user (id),
    local_day    DATE NOT NULL,
    client_kind  VARCHAR(16) NOT NULL,
    touches      INT NOT NULL,
    late_signals INT NOT NULL,
    PRIMARY KEY (team_id, user_id, local_day, client_kind)
);
-- covering: the dashboard sums a period without reading the table
CREATE INDEX ix_touch_day_team ON touch_day (team_id, local_day, user_id, client_kind, touches, late_signals);

-- Where each client stands on its main cadence, as local dates in the team's zone: due from due_on,
-- overdue once today > overdue_after. Owner, kind and archive state are mirrored so that counting
-- a whole team reads one index.
CREATE TABLE client_cadence (
    client_id     BIGINT PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    team_id       BIGINT NOT NULL REFERENCES team (id),
    owner_id      BIGINT NOT NULL,
    client_kind   VARCHAR(16) NOT NULL,
    archived      BOOLEAN NOT NULL,
    due_on        DATE NOT NULL,
    overdue_after DATE NOT NULL
);
CREATE INDEX ix_client_cadence_due ON client_cadence (team_id, archived, due_on, owner_id, client_kind, overdue_after);
CREATE INDEX ix_client_cadence_owner ON client_cadence (team_id, owner_id, archived, overdue_after, client_id);

-- the kept rate of a whole team over a period (by due date)
CREATE INDEX ix_promise_team_due ON promise (team_id, due_on, status, user_id);

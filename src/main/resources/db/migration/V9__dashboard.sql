-- Manager dashboard (issue #7): rollups kept on write, so a 500-member team's dashboard reads small
-- tables instead of millions of touches. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Existing teams are filled in once at start (dashboard.RollupBackfill).

-- Per user and local day: logged time (the day's totals from journal_day, the user's own days) and
-- real touches and late signals (inbound update requests) with external and internal customers
-- (the team's days). One row per user and day, so a month of a 500-member team is 15,000 rows.
CREATE TABLE user_day (
    team_id             BIGINT NOT NULL REFERENCES team (id),
    user_id             BIGINT NOT NULL REFERENCES app_user (id),
    local_day           DATE NOT NULL,
    logged_seconds      BIGINT NOT NULL,
    external_seconds    BIGINT NOT NULL,
    contributes_seconds BIGINT NOT NULL,
    touches_external    INT NOT NULL,
    touches_internal    INT NOT NULL,
    late_external       INT NOT NULL,
    late_internal       INT NOT NULL,
    PRIMARY KEY (team_id, user_id, local_day)
);
-- covering: the dashboard sums a period from the index alone
CREATE INDEX ix_user_day_team ON user_day (team_id, local_day, user_id, logged_seconds, external_seconds,
    contributes_seconds, touches_external, touches_internal, late_external, late_internal);

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

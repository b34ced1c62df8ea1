-- Late rate (PRODUCT.md: inbound update requests in a month / clients with a real touch that month), per
-- user and calendar month of the team's zone (the months of user_day's days): clients served (distinct
-- clients with a real touch by the user) and late signals, external and internal customers apart. Kept on
-- write; existing teams are filled in once at start (dashboard.RollupBackfill), as for V9.
CREATE TABLE user_month (
    team_id         BIGINT NOT NULL REFERENCES team (id),
    user_id         BIGINT NOT NULL REFERENCES app_user (id),
    month_start     DATE NOT NULL,
    served_external INT NOT NULL,
    served_internal INT NOT NULL,
    late_external   INT NOT NULL,
    late_internal   INT NOT NULL,
    PRIMARY KEY (team_id, user_id, month_start)
);

-- The teams that existed before this migration: their months are built once at start (RollupBackfill) and
-- the row goes with the build. Deciding by a marker rather than by "no month rows yet" keeps a touch recorded
-- before the backfill ran from making a team look built. A team created later starts without touches, so its
-- months are right from its first one.
CREATE TABLE user_month_backfill (
    team_id BIGINT PRIMARY KEY REFERENCES team (id)
);
INSERT INTO user_month_backfill (team_id) SELECT id FROM team;

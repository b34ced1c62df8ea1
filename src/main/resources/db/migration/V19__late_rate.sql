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

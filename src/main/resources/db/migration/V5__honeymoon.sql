-- Honeymoon drop flags, computed by a nightly job and stored (never recomputed per request).
CREATE TABLE honeymoon (
    client_id    BIGINT PRIMARY KEY REFERENCES client (id) ON DELETE CASCADE,
    team_id      BIGINT NOT NULL REFERENCES team (id),
    before_rate  DOUBLE PRECISION NOT NULL,
    after_rate   DOUBLE PRECISION NOT NULL,
    dropped      BOOLEAN NOT NULL,
    evaluated_on DATE NOT NULL
);
CREATE INDEX ix_honeymoon_team ON honeymoon (team_id, dropped);

-- Exchange: the per-user calendar feed and the daily email digest.

-- One secret ICS feed per user per team; only the SHA-256 of the URL's token is stored.
-- Revoking deletes the row; regenerating replaces the hash.
CREATE TABLE calendar_feed (
    team_id         BIGINT NOT NULL REFERENCES team (id),
    user_id         BIGINT NOT NULL REFERENCES app_user (id),
    token_hash      CHAR(64) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_fetched_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT uq_calendar_feed_token UNIQUE (token_hash)
);

-- Digest preferences; no row means the defaults (on, at 07:00 in the user's zone).
CREATE TABLE digest_setting (
    team_id    BIGINT NOT NULL REFERENCES team (id),
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    enabled    BOOLEAN NOT NULL,
    send_hour  INT NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, user_id),
    CONSTRAINT ck_digest_setting_hour CHECK (send_hour BETWEEN 0 AND 23)
);

-- One row per user, team and local day, inserted BEFORE the mail is sent: the primary key lets
-- exactly one app instance claim a day. sent_at is set after the SMTP server accepted the mail;
-- a claim without sent_at older than a few minutes is retried (see DigestService).
CREATE TABLE digest_sent (
    team_id     BIGINT NOT NULL REFERENCES team (id),
    user_id     BIGINT NOT NULL REFERENCES app_user (id),
    digest_date DATE NOT NULL,
    claimed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by  VARCHAR(200) NOT NULL,
    attempts    INT NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    outcome     VARCHAR(10),
    last_error  VARCHAR(500),
    PRIMARY KEY (team_id, user_id, digest_date)
);
CREATE INDEX ix_digest_sent_date ON digest_sent (digest_date);

-- Every digest carries its own unsubscribe token (random; only the SHA-256 is stored), so the
-- link in any recent digest works.
CREATE TABLE digest_unsubscribe (
    token_hash CHAR(64) PRIMARY KEY,
    team_id    BIGINT NOT NULL REFERENCES team (id),
    user_id    BIGINT NOT NULL REFERENCES app_user (id),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_digest_unsubscribe_created ON digest_unsubscribe (created_at);

INSERT INTO job_lock (name, locked_until, locked_by)
VALUES ('email-digest', TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00', 'none');

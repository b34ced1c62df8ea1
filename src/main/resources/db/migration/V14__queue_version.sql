-- A counter per member that every write changing the member's attention queue increments in its
-- own transaction, so a cached queue is proven current by one indexed read (see QueueVersions).
-- Rows are made here for existing members and on first read for new ones; no data, not archived.
CREATE TABLE queue_version (
    team_id  BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    version  BIGINT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

INSERT INTO queue_version (team_id, user_id, version) SELECT team_id, user_id, 0 FROM membership;

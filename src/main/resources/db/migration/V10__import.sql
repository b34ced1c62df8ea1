-- Contact import (issue #8): phones are matched on their digits, and the ids other systems give a
-- contact (a vCard UID, a CSV id column) are remembered per team so a re-import finds the same client.

-- Digits only (the client_phone pattern allows + ( ) . / - and spaces around them); filled on every
-- write by the clients feature. Nullable so rows written by older code still load; they simply do
-- not match on phone until the client is saved again.
ALTER TABLE client_phone ADD COLUMN phone_digits VARCHAR(50);
UPDATE client_phone SET phone_digits = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    phone, ' ', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''), '-', '');

-- Lookups by many keys at once ("key IN (...) AND team_id = ?") need the key first: H2 uses only the
-- leading column of an index for IN, so a (team_id, key) index would scan the whole team per lookup.
CREATE INDEX ix_client_phone_digits ON client_phone (phone_digits, team_id);
DROP INDEX ix_client_email;
CREATE INDEX ix_client_email_lookup ON client_email (email_lower, team_id);

CREATE TABLE client_external_id (
    team_id     BIGINT NOT NULL REFERENCES team (id),
    external_id VARCHAR(500) NOT NULL,
    client_id   BIGINT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (external_id, team_id)
);
CREATE INDEX ix_client_external_id_client ON client_external_id (client_id);

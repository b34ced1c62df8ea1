-- Contact import (issue #8): phones are matched on their digits, and the ids other systems give a
-- contact (a vCard UID, a CSV id column) are remembered per team so a re-import finds the same client.

-- Digits only (the client_phone pattern allows + ( ) . / - and spaces around them); filled on every
-- write by the clients feature. Nullable so rows written by older code still load; they simply do
-- not match on phone until the client is saved again.
ALTER TABLE client_phone ADD COLUMN phone_digits VARCHAR(50);
UPDATE client_phone SET phone_digits = REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    phone, ' ', ''), '+', ''), '(', ''), ')', ''), '.', ''), '/', ''), '-', '');
CREATE INDEX ix_client_phone_digits ON client_phone (team_id, phone_digits);

CREATE TABLE client_external_id (
    team_id     BIGINT NOT NULL REFERENCES team (id),
    external_id VARCHAR(500) NOT NULL,
    client_id   BIGINT NOT NULL REFERENCES client (id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (team_id, external_id)
);
CREATE INDEX ix_client_external_id_client ON client_external_id (client_id);

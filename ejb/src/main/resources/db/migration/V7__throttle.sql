-- Throttles: failed sign-ins per typed username and per client address, failed pairing claims
-- per admin address. A throttle row is locked while its attempts are read, checked and added to,
-- in the transaction that decides: concurrent attempts on any node queue on the row, so no more
-- attempts are admitted than the limit. Each counted attempt is a row of throttle_attempt; those
-- younger than the throttle's window count (a sliding window). touched_at is the last time the
-- throttle was locked, for the hourly sweep of throttles nobody used for a day.
-- Keys are up to ~350 characters; the column leaves room for characters H2 counts twice.
CREATE TABLE throttle (
    throttle_key  VARCHAR(800)             NOT NULL,
    touched_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_pk PRIMARY KEY (throttle_key)
);
CREATE INDEX throttle_touched_idx ON throttle (touched_at);

CREATE TABLE throttle_attempt (
    throttle_key  VARCHAR(800)             NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT throttle_attempt_throttle_fk FOREIGN KEY (throttle_key)
        REFERENCES throttle (throttle_key) ON DELETE CASCADE
);
CREATE INDEX throttle_attempt_key_idx ON throttle_attempt (throttle_key, attempted_at);

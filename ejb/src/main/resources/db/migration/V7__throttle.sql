-- Attempt counters for the throttles (failed sign-ins per typed username and per client address,
-- failed pairing claims per admin address). A row is locked while its count is read, checked and
-- raised, in the transaction that decides: concurrent attempts on any node queue on the row, so
-- no more attempts are admitted than the limit. A count belongs to a fixed window that starts with
-- its first attempt and ends at window_ends_at (NULL: nothing counted).
-- Keys are up to ~350 characters; the column leaves room for characters H2 counts twice.
CREATE TABLE throttle (
    throttle_key    VARCHAR(800)             NOT NULL,
    attempts        INTEGER                  NOT NULL,
    window_ends_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT throttle_pk PRIMARY KEY (throttle_key),
    CONSTRAINT throttle_attempts_check CHECK (attempts >= 0)
);
CREATE INDEX throttle_window_idx ON throttle (window_ends_at);

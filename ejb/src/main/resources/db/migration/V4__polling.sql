-- The poller's schedule: one row per Spotify account. Everything a restart needs lives here:
-- a heartbeat claims due rows with a lease (lease_token, lease_until), polls, and writes the
-- next time back. watchers counts who shows the account (screens, later); 0 means no calls.
CREATE TABLE poll_schedule (
    account_id       UUID                     NOT NULL,
    watchers         INTEGER                  NOT NULL,
    next_poll_at     TIMESTAMP WITH TIME ZONE,
    lease_token      VARCHAR(64),
    lease_until      TIMESTAMP WITH TIME ZONE,
    idle_polls       INTEGER                  NOT NULL,
    failures         INTEGER                  NOT NULL,
    last_poll_at     TIMESTAMP WITH TIME ZONE,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_outcome     VARCHAR(32),
    last_reason      VARCHAR(32),
    last_error       VARCHAR(400),
    version          BIGINT                   NOT NULL,
    CONSTRAINT poll_schedule_pk PRIMARY KEY (account_id),
    CONSTRAINT poll_schedule_account_fk FOREIGN KEY (account_id)
        REFERENCES spotify_account (id) ON DELETE CASCADE,
    CONSTRAINT poll_schedule_watchers_check CHECK (watchers >= 0)
);
CREATE INDEX poll_schedule_due_idx ON poll_schedule (next_poll_at);

-- What each account is playing, as last seen, and how far screens can trust it (status: LIVE,
-- STALE, NEEDS_RECONNECT). Written only on a meaningful change, each time with a new version;
-- progress that moves as expected writes nothing here.
CREATE TABLE now_playing (
    account_id      UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    status          VARCHAR(32)              NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    playing         BOOLEAN                  NOT NULL,
    item_id         VARCHAR(200),
    title           VARCHAR(1000),
    artists         VARCHAR(1000),
    album           VARCHAR(1000),
    image_large     VARCHAR(1000),
    image_small     VARCHAR(1000),
    duration_ms     BIGINT                   NOT NULL,
    progress_ms     BIGINT                   NOT NULL,
    fetched_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT now_playing_pk PRIMARY KEY (account_id),
    CONSTRAINT now_playing_account_fk FOREIGN KEY (account_id)
        REFERENCES spotify_account (id) ON DELETE CASCADE
);

-- Calls to Spotify per account and hour, for the console ("calls in the last hour and day").
CREATE TABLE spotify_call_count (
    account_id  UUID                     NOT NULL,
    hour_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    calls       INTEGER                  NOT NULL,
    CONSTRAINT spotify_call_count_pk PRIMARY KEY (account_id, hour_start),
    CONSTRAINT spotify_call_count_account_fk FOREIGN KEY (account_id)
        REFERENCES spotify_account (id) ON DELETE CASCADE
);

-- A quota 429 pauses every account of the app until this time; the console shows the alert.
ALTER TABLE spotify_app ADD COLUMN paused_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE spotify_app ADD COLUMN pause_reason VARCHAR(400);

-- Every account gets its schedule row; new accounts get one when they connect.
INSERT INTO poll_schedule (account_id, watchers, next_poll_at, idle_polls, failures, version)
    SELECT id, 0, NULL, 0, 0, 0 FROM spotify_account;

-- Spotify apps (a client id and its sealed secret). scope_key is the organization's id for
-- an organization's own app, or 'default' for the network's default app: one app per scope.
CREATE TABLE spotify_app (
    id               UUID                     NOT NULL,
    scope_key        VARCHAR(36)              NOT NULL,
    organization_id  UUID,
    client_id        VARCHAR(200)             NOT NULL,
    client_secret    BYTEA                    NOT NULL,
    user_limit       INTEGER                  NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT spotify_app_pk PRIMARY KEY (id),
    CONSTRAINT spotify_app_scope_unique UNIQUE (scope_key),
    CONSTRAINT spotify_app_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT spotify_app_user_limit_check CHECK (user_limit > 0)
);

-- Connected Spotify accounts. Tokens are sealed by the vault (purpose and row id as
-- associated data); a disconnected account keeps its row for the record but no tokens.
CREATE TABLE spotify_account (
    id                       UUID                     NOT NULL,
    organization_id          UUID                     NOT NULL,
    app_id                   UUID                     NOT NULL,
    spotify_user_id          VARCHAR(200)             NOT NULL,
    display_name             VARCHAR(400),
    status                   VARCHAR(32)              NOT NULL,
    access_token             BYTEA,
    access_token_expires_at  TIMESTAMP WITH TIME ZONE,
    refresh_token            BYTEA,
    scopes                   VARCHAR(400),
    authorized_at            TIMESTAMP WITH TIME ZONE,
    last_refresh_at          TIMESTAMP WITH TIME ZONE,
    last_error               VARCHAR(400),
    last_error_at            TIMESTAMP WITH TIME ZONE,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT                   NOT NULL,
    CONSTRAINT spotify_account_pk PRIMARY KEY (id),
    CONSTRAINT spotify_account_user_unique UNIQUE (organization_id, spotify_user_id),
    CONSTRAINT spotify_account_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id),
    CONSTRAINT spotify_account_app_fk FOREIGN KEY (app_id) REFERENCES spotify_app (id),
    CONSTRAINT spotify_account_status_check
        CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECT', 'DISCONNECTED'))
);

-- Connect flows in progress: the SHA-256 of the OAuth state, bound to the admin's session
-- (SHA-256 of a per-session secret), organization and app; single use, short-lived.
CREATE TABLE spotify_connect_attempt (
    state_hash       VARCHAR(64)              NOT NULL,
    session_hash     VARCHAR(64)              NOT NULL,
    organization_id  UUID                     NOT NULL,
    app_id           UUID                     NOT NULL,
    started_by       UUID                     NOT NULL,
    code_verifier    BYTEA                    NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT spotify_connect_attempt_pk PRIMARY KEY (state_hash),
    CONSTRAINT spotify_connect_attempt_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT spotify_connect_attempt_app_fk FOREIGN KEY (app_id)
        REFERENCES spotify_app (id) ON DELETE CASCADE,
    CONSTRAINT spotify_connect_attempt_admin_fk FOREIGN KEY (started_by)
        REFERENCES console_account (id) ON DELETE CASCADE
);
CREATE INDEX spotify_connect_attempt_expiry_idx ON spotify_connect_attempt (expires_at);

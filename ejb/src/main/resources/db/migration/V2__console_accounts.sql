-- Who may use the console. A network admin manages every organization and the Spotify
-- apps; an organization admin manages one organization. Usernames are stored lower-cased.
-- An invited admin has no password until the invite is accepted.
CREATE TABLE console_account (
    id               UUID                     NOT NULL,
    username         VARCHAR(320)             NOT NULL,
    role             VARCHAR(32)              NOT NULL,
    organization_id  UUID                     NOT NULL,
    password_hash    VARCHAR(400),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    password_set_at  TIMESTAMP WITH TIME ZONE,
    version          BIGINT                   NOT NULL,
    CONSTRAINT console_account_pk PRIMARY KEY (id),
    CONSTRAINT console_account_username_unique UNIQUE (username),
    CONSTRAINT console_account_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id),
    CONSTRAINT console_account_role_check
        CHECK (role IN ('NETWORK_ADMIN', 'ORGANIZATION_ADMIN'))
);

-- One-time invite links. Only the SHA-256 of the token is kept: the link is shown once.
CREATE TABLE console_invite (
    token_hash   VARCHAR(64)              NOT NULL,
    account_id   UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT console_invite_pk PRIMARY KEY (token_hash),
    CONSTRAINT console_invite_account_fk FOREIGN KEY (account_id)
        REFERENCES console_account (id) ON DELETE CASCADE
);

-- First-run setup codes (SHA-256 only). Each node that starts with no console account adds
-- one and prints it; the first successful setup removes them all.
CREATE TABLE setup_code (
    code_hash   VARCHAR(64)              NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT setup_code_pk PRIMARY KEY (code_hash)
);

-- What happened, who did it, from where. No foreign keys: the record outlives what it names.
-- Failed sign-ins are counted from here to throttle guessing.
CREATE TABLE audit_event (
    id               UUID                     NOT NULL,
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    action           VARCHAR(64)              NOT NULL,
    organization_id  UUID,
    actor            VARCHAR(320),
    client_address   VARCHAR(100),
    detail           VARCHAR(1000),
    CONSTRAINT audit_event_pk PRIMARY KEY (id)
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event (action, actor, occurred_at);
CREATE INDEX audit_event_address_idx ON audit_event (action, client_address, occurred_at);

-- Screens that are not paired yet: the digests of the code they show and of their pickup secret.
-- Rows live ten minutes (plus the pickup window once claimed) and are deleted after that.
CREATE TABLE pairing_request (
    id              UUID                     NOT NULL,
    code_hash       VARCHAR(64)              NOT NULL,
    secret_hash     VARCHAR(64)              NOT NULL,
    client_address  VARCHAR(64)              NOT NULL,
    client          VARCHAR(100),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    wrong_pickups   INTEGER                  NOT NULL,
    screen_id       UUID,
    claimed_at      TIMESTAMP WITH TIME ZONE,
    picked_up_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pairing_request_pk PRIMARY KEY (id),
    CONSTRAINT pairing_request_code_unique UNIQUE (code_hash)
);
CREATE INDEX pairing_request_address_idx ON pairing_request (client_address, expires_at);

-- Paired screens. token_hash is the SHA-256 of the 256-bit device token, set once at pickup.
CREATE TABLE screen (
    id                UUID                     NOT NULL,
    organization_id   UUID                     NOT NULL,
    name              VARCHAR(100)             NOT NULL,
    configuration_id  UUID                     NOT NULL,
    group_name        VARCHAR(100),
    token_hash        VARCHAR(64),
    client            VARCHAR(100),
    last_address      VARCHAR(64),
    last_seen_at      TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT                   NOT NULL,
    CONSTRAINT screen_pk PRIMARY KEY (id),
    CONSTRAINT screen_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT screen_configuration_fk FOREIGN KEY (configuration_id)
        REFERENCES widget_configuration (id),
    CONSTRAINT screen_token_unique UNIQUE (token_hash)
);
CREATE INDEX screen_organization_idx ON screen (organization_id);

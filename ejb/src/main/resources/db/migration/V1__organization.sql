-- Organizations own everything an admin manages: Spotify accounts, widgets, screens.
CREATE TABLE organization (
    id          UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    version     BIGINT       NOT NULL,
    CONSTRAINT organization_pk PRIMARY KEY (id),
    CONSTRAINT organization_name_unique UNIQUE (name)
);

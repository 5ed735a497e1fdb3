-- Organizations own everything an admin manages: Spotify accounts, widgets, screens.
-- Names are limited to 100 characters by the application; the column leaves room for
-- characters outside the Basic Multilingual Plane, which H2 counts twice.
CREATE TABLE organization (
    id          UUID                     NOT NULL,
    name        VARCHAR(400)             NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT                   NOT NULL,
    CONSTRAINT organization_pk PRIMARY KEY (id),
    CONSTRAINT organization_name_unique UNIQUE (name)
);

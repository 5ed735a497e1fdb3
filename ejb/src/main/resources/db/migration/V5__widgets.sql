-- Widget definitions are data: template, options schema, data schema, aspect ratio, default
-- update interval. Marquee installs the definitions it ships at start (WidgetCatalog), keyed by
-- slug and replaced when a newer revision ships; the JSON columns hold the definition's own text.
CREATE TABLE widget_definition (
    id                       UUID                     NOT NULL,
    slug                     VARCHAR(100)             NOT NULL,
    name                     VARCHAR(200)             NOT NULL,
    description              VARCHAR(1000)            NOT NULL,
    revision                 INTEGER                  NOT NULL,
    aspect_ratio             VARCHAR(20)              NOT NULL,
    update_interval_seconds  INTEGER                  NOT NULL,
    options_schema           TEXT                     NOT NULL,
    data_schema              TEXT                     NOT NULL,
    template                 TEXT                     NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT                   NOT NULL,
    CONSTRAINT widget_definition_pk PRIMARY KEY (id),
    CONSTRAINT widget_definition_slug_unique UNIQUE (slug)
);

-- What an organization's screens show: a definition, option values checked against its options
-- schema (stored complete, defaults filled in), and its sources in order.
CREATE TABLE widget_configuration (
    id               UUID                     NOT NULL,
    organization_id  UUID                     NOT NULL,
    definition_id    UUID                     NOT NULL,
    name             VARCHAR(100)             NOT NULL,
    options          TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT                   NOT NULL,
    CONSTRAINT widget_configuration_pk PRIMARY KEY (id),
    CONSTRAINT widget_configuration_organization_fk FOREIGN KEY (organization_id)
        REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT widget_configuration_definition_fk FOREIGN KEY (definition_id)
        REFERENCES widget_definition (id),
    CONSTRAINT widget_configuration_name_unique UNIQUE (organization_id, name)
);

-- A configuration's Spotify accounts, in the order a screen tries them: the first that plays,
-- else the first that is paused, else the idle state.
CREATE TABLE widget_source (
    configuration_id  UUID    NOT NULL,
    position          INTEGER NOT NULL,
    account_id        UUID    NOT NULL,
    CONSTRAINT widget_source_pk PRIMARY KEY (configuration_id, position),
    CONSTRAINT widget_source_configuration_fk FOREIGN KEY (configuration_id)
        REFERENCES widget_configuration (id) ON DELETE CASCADE,
    CONSTRAINT widget_source_account_fk FOREIGN KEY (account_id)
        REFERENCES spotify_account (id),
    CONSTRAINT widget_source_unique UNIQUE (configuration_id, account_id)
);
CREATE INDEX widget_source_account_idx ON widget_source (account_id);

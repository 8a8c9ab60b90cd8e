-- requests-service's own copy of what service-catalog has published, kept from the
-- huduma.catalog.services.v1 topic, so an application can be accepted or refused for a
-- retired service without a call per request. service-catalog stays the owner.
CREATE TABLE catalog_service (
    service_id       uuid        PRIMARY KEY,
    agency_code      text        NOT NULL,
    latest_version   integer     NOT NULL,
    name_sw          text        NOT NULL,
    name_en          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PUBLISHED', 'RETIRED')),
    last_event_id    text        NOT NULL,
    correlation_id   text        NOT NULL,
    updated_at       timestamptz NOT NULL
);

-- service-catalog schema: agencies, their public services (drafts and immutable published
-- versions with search columns) and the agency APIs published behind the gateway.

-- Swahili has no stemmer or dictionary in PostgreSQL: texts are folded (lower case, accents
-- removed) and matched by prefix, with trigram similarity for typos. English uses the
-- built-in `english` configuration (stemming and stop words).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- unaccent() is only STABLE (its dictionary could change), so it cannot feed a generated
-- column or an index; this wrapper fixes the dictionary and may be declared IMMUTABLE.
CREATE FUNCTION catalog_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN public.unaccent('public.unaccent'::regdictionary, lower($1));

CREATE TEXT SEARCH CONFIGURATION swahili_simple (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION swahili_simple
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH unaccent, simple;

CREATE TABLE agencies (
    code          varchar(32)  PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9-]{1,31}$'),
    name_sw       varchar(200) NOT NULL,
    name_en       varchar(200) NOT NULL,
    contact_email varchar(254) NOT NULL,
    contact_phone varchar(20)  NOT NULL,
    website       varchar(500),
    status        varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);

-- One row per public service. `draft` holds unpublished edits (null when there are none);
-- `current_version` is the latest published version (null until the first publication).
CREATE TABLE services (
    id               uuid        PRIMARY KEY,
    agency_code      varchar(32) NOT NULL REFERENCES agencies (code),
    slug             varchar(80) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    status           varchar(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    draft            jsonb,
    draft_updated_at timestamptz,
    draft_updated_by varchar(100),
    current_version  integer,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT services_slug_unique UNIQUE (agency_code, slug),
    CONSTRAINT services_published_has_version CHECK (status = 'DRAFT' OR current_version IS NOT NULL)
);

-- A published version, exactly as it was published (content is the whole service document,
-- form schema included). The text columns are copies from content for search and filters.
CREATE TABLE service_versions (
    service_id     uuid         NOT NULL REFERENCES services (id),
    version        integer      NOT NULL CHECK (version > 0),
    content        jsonb        NOT NULL,
    published_at   timestamptz  NOT NULL DEFAULT now(),
    published_by   varchar(100) NOT NULL,
    name_sw        text         NOT NULL,
    name_en        text         NOT NULL,
    description_sw text         NOT NULL,
    description_en text         NOT NULL,
    category       varchar(40)  NOT NULL,
    channels       text[]       NOT NULL,
    search_en      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', name_en), 'A') ||
        setweight(to_tsvector('english', description_en), 'B')) STORED,
    search_sw      tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swahili_simple', name_sw), 'A') ||
        setweight(to_tsvector('swahili_simple', description_sw), 'B')) STORED,
    names_folded   text GENERATED ALWAYS AS (catalog_fold(name_sw || ' ' || name_en)) STORED,
    PRIMARY KEY (service_id, version)
);

CREATE INDEX service_versions_search_en ON service_versions USING gin (search_en);
CREATE INDEX service_versions_search_sw ON service_versions USING gin (search_sw);
CREATE INDEX service_versions_names_trgm ON service_versions USING gin (names_folded gin_trgm_ops);
CREATE INDEX service_versions_channels ON service_versions USING gin (channels);
CREATE INDEX services_agency ON services (agency_code, status);

-- Requests reference (service id, version): a published version must never change.
CREATE FUNCTION service_versions_immutable() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'service_versions rows are immutable (service %, version %)', OLD.service_id, OLD.version;
END;
$$;

CREATE TRIGGER service_versions_no_update
    BEFORE UPDATE OR DELETE ON service_versions
    FOR EACH ROW EXECUTE FUNCTION service_versions_immutable();

CREATE TABLE agency_apis (
    id                    uuid         PRIMARY KEY,
    agency_code           varchar(32)  NOT NULL REFERENCES agencies (code),
    name                  varchar(40)  NOT NULL CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    upstream              varchar(500) NOT NULL,
    access_policy         varchar(20)  NOT NULL CHECK (access_policy IN ('PUBLIC', 'CITIZEN', 'AGENCY_STAFF', 'CLIENT_SCOPES')),
    required_scopes       text[]       NOT NULL DEFAULT '{}',
    rate_limit_per_minute integer      NOT NULL CHECK (rate_limit_per_minute > 0),
    timeout_millis        integer      NOT NULL CHECK (timeout_millis > 0),
    status                varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT agency_apis_name_unique UNIQUE (agency_code, name)
);

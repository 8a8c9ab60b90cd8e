-- A retirement wins over a publication of the same or an earlier version, whatever the order the
-- facts arrive in: the highest retired version is kept beside the highest published one.
ALTER TABLE catalog_service ADD COLUMN retired_version integer;
UPDATE catalog_service SET retired_version = latest_version WHERE status = 'RETIRED';

-- One application. The service is snapshotted at submission (id, version, agency, names, fee, SLA):
-- a later version or a retirement of the service never changes what the citizen applied for.
CREATE TABLE request (
    id                  uuid        PRIMARY KEY,
    tracking_number     text        NOT NULL UNIQUE,
    citizen_subject     text        NOT NULL,
    citizen_phone       text,
    channel             text        NOT NULL CHECK (channel IN ('web', 'mobile', 'sms', 'ussd')),
    service_id          uuid        NOT NULL,
    service_version     integer     NOT NULL,
    agency_code         text        NOT NULL,
    service_name_sw     text        NOT NULL,
    service_name_en     text        NOT NULL,
    fee_amount_minor    bigint,
    fee_currency        text,
    sla_working_days    integer     NOT NULL,
    answers             jsonb       NOT NULL,
    status              text        NOT NULL CHECK (status IN ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED',
                                                               'REJECTED', 'COMPLETED', 'WITHDRAWN')),
    -- bumped on every change of the request itself: the ETag, and the If-Match of officers' actions
    version             integer     NOT NULL,
    assignee_subject    text,
    submitted_at        timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    due_date            date        NOT NULL,
    paused_since        timestamptz,
    paused_working_days integer     NOT NULL DEFAULT 0,
    decided_at          timestamptz,
    outcome_reference   text,
    visible_note        text,
    sla_breached_at     timestamptz
);
CREATE INDEX request_citizen ON request (citizen_subject, submitted_at DESC, id);
CREATE INDEX request_queue ON request (agency_code, status, due_date);
CREATE INDEX request_open_due ON request (due_date) WHERE sla_breached_at IS NULL
    AND status IN ('SUBMITTED', 'IN_REVIEW');

-- Idempotency-Key of submissions: inserted first, so that concurrent retries of one submission wait
-- on this row and then replay the response of the one that won.
CREATE TABLE submission_key (
    citizen_subject text        NOT NULL,
    idempotency_key text        NOT NULL,
    body_hash       text        NOT NULL,
    request_id      uuid        REFERENCES request (id),
    response_json   text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (citizen_subject, idempotency_key)
);
CREATE INDEX submission_key_created ON submission_key (created_at);

-- Everything that happened to a request, for the citizen's timeline and for audit.
CREATE TABLE request_timeline (
    id                 bigserial   PRIMARY KEY,
    request_id         uuid        NOT NULL REFERENCES request (id),
    at                 timestamptz NOT NULL,
    kind               text        NOT NULL,
    from_status        text,
    to_status          text,
    actor_role         text        NOT NULL,
    actor_agency       text,
    actor_subject      text,
    note               text,
    visible_to_citizen boolean     NOT NULL,
    -- the event this entry came from (a delivery report), so a redelivered one adds nothing
    source_event_id    text        UNIQUE
);
CREATE INDEX request_timeline_request ON request_timeline (request_id, at, id);

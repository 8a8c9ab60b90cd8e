-- Transactional outbox (io.huduma.platform.events.OutboxWriter / OutboxRelay).
-- A service's state change and the event announcing it are written in one transaction;
-- the relay publishes unpublished rows to Kafka in id order and stamps published_at.
CREATE TABLE outbox_event (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id       UUID        NOT NULL UNIQUE,
    topic          TEXT        NOT NULL,
    -- aggregate id: the Kafka record key, so one aggregate's events share a partition
    subject        TEXT        NOT NULL,
    agency         TEXT        NOT NULL DEFAULT '',
    event_type     TEXT        NOT NULL,
    correlation_id TEXT        NOT NULL,
    -- the serialized huduma.common.v1.EventEnvelope, exactly as it goes on the wire
    envelope       BYTEA       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);

-- the relay's query: unpublished rows in id order
CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL;
-- the purge of published rows kept for audit
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- A row that cannot be published (a record too large for the broker, a topic that does not exist)
-- is retried with growing pauses and, after huduma.outbox.max-attempts failures, parked with its
-- reason. Until then, and while it is parked, it holds back only the later rows of its own
-- aggregate (same topic and subject); every other aggregate keeps flowing.
ALTER TABLE outbox_event
    ADD COLUMN attempts   INT         NOT NULL DEFAULT 0,
    ADD COLUMN last_error TEXT,
    ADD COLUMN retry_at   TIMESTAMPTZ,
    ADD COLUMN parked_at  TIMESTAMPTZ;

-- the relay's "is an earlier row of this aggregate held back?" probe, and the parked rows' listing
CREATE INDEX outbox_event_held_back ON outbox_event (topic, subject, id)
    WHERE published_at IS NULL AND (parked_at IS NOT NULL OR retry_at IS NOT NULL);

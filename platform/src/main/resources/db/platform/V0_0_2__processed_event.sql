-- Ids of events a consumer has already handled (io.huduma.platform.events.ProcessedEvents),
-- inserted in the same transaction as the handling so a redelivered event is skipped.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

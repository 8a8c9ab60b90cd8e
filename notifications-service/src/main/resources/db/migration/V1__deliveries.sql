-- One row per message to one recipient on one channel. The unique key makes every producer of
-- deliveries idempotent: a redelivered or replayed event finds its row and queues nothing new.
CREATE TABLE delivery (
    id                  uuid PRIMARY KEY,
    cause_event_id      text        NOT NULL,
    kind                text        NOT NULL,
    channel             text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    recipient           text        NOT NULL,
    recipient_subject   text,
    language            text        NOT NULL,
    subject_line        text,
    -- what was sent; for one-time codes only the masked text (the code itself is never written)
    body                text        NOT NULL,
    html                text,
    masked              boolean     NOT NULL DEFAULT false,
    agency              text,
    priority            int         NOT NULL DEFAULT 5,
    status              text        NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'DELIVERED', 'FAILED')),
    provider            text,
    provider_message_id text,
    attempts            int         NOT NULL DEFAULT 0,
    last_error          text,
    next_attempt_at     timestamptz NOT NULL DEFAULT now(),
    claimed_until       timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    sent_at             timestamptz,
    delivered_at        timestamptz,
    failed_at           timestamptz,
    CONSTRAINT delivery_once UNIQUE (cause_event_id, channel, recipient)
);

CREATE INDEX delivery_due ON delivery (priority, next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX delivery_provider_message ON delivery (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX delivery_recipient_subject ON delivery (recipient_subject, created_at DESC);
CREATE INDEX delivery_failed ON delivery (failed_at DESC) WHERE status = 'FAILED';

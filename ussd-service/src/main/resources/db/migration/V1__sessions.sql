-- One row per live USSD session. Holds the caller's phone and answers only while the session lives:
-- the row is deleted when the session ends (END) or expires (purged).
CREATE TABLE ussd_session (
    session_id   varchar(100) PRIMARY KEY,
    phone        varchar(20)  NOT NULL,
    state        jsonb        NOT NULL,
    inputs_seen  integer      NOT NULL DEFAULT 0,
    last_screen  text         NOT NULL DEFAULT '',
    created_at   timestamptz  NOT NULL DEFAULT now(),
    expires_at   timestamptz  NOT NULL
);
CREATE INDEX ussd_session_expires ON ussd_session (expires_at);

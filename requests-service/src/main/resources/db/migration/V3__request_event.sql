-- Which request each published event was about, so that delivery reports from notifications-service
-- (which name the event that caused a message) land in the right request's timeline.
CREATE TABLE request_event (
    event_id   text        PRIMARY KEY,
    request_id uuid        NOT NULL REFERENCES request (id),
    event_type text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_event_request ON request_event (request_id);

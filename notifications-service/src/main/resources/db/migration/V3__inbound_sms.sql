-- Messages handsets write to the platform (SMPP deliver_sm), one row each. The text is not kept: the
-- keyword and the tracking number asked about are what the answer needs; dedupe_key (SHA-256 of sender,
-- short code, the SMSC's reference and the text) recognises a redelivery. Rows are deleted after the
-- retention (huduma.notifications.inbound.retention, 7 days).
CREATE TABLE inbound_sms (
    id                uuid PRIMARY KEY,
    dedupe_key        text        NOT NULL,
    sender            text        NOT NULL,
    short_code        text        NOT NULL,
    keyword           text        NOT NULL CHECK (keyword IN ('HALI', 'STATUS', 'MSAADA', 'HELP', 'OTHER')),
    language          text        NOT NULL CHECK (language IN ('sw', 'en')),
    tracking_number   text,
    outcome           text        NOT NULL CHECK (outcome IN ('RECEIVED', 'ANSWERED', 'NOT_FOUND', 'HELP',
                                                              'RATE_LIMITED', 'FAILED')),
    attempts          int         NOT NULL DEFAULT 0,
    claimed_until     timestamptz,
    reply_delivery_id uuid,
    received_at       timestamptz NOT NULL DEFAULT now(),
    answered_at       timestamptz
);

CREATE INDEX inbound_sms_dedupe ON inbound_sms (dedupe_key, received_at DESC);
CREATE INDEX inbound_sms_unanswered ON inbound_sms (received_at) WHERE outcome = 'RECEIVED';
CREATE INDEX inbound_sms_received ON inbound_sms (received_at);

-- The answers, in the keyword's language (HALI/MSAADA Swahili, STATUS/HELP English).
INSERT INTO template (kind, channel, language, subject_line, body, html) VALUES
('sms-status', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}): {{status}}.{{#dueDate}} Tarehe ya mwisho: {{dueDate}}.{{/dueDate}}', NULL),
('sms-status', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}): {{status}}.{{#dueDate}} Due by {{dueDate}}.{{/dueDate}}', NULL),
('sms-status-not-found', 'SMS', 'sw', NULL, 'Hatukupata ombi {{trackingNumber}} lililotumwa kwa namba hii ya simu. Hakikisha namba ya ufuatiliaji, mf. HALI HD-7K3P-9QX2', NULL),
('sms-status-not-found', 'SMS', 'en', NULL, 'No application {{trackingNumber}} was made from this phone number. Check the tracking number, e.g. STATUS HD-7K3P-9QX2', NULL),
('sms-help', 'SMS', 'sw', NULL, 'Huduma: kujua hali ya ombi lako tuma HALI na namba ya ufuatiliaji, mf. HALI HD-7K3P-9QX2. In English: STATUS HD-7K3P-9QX2', NULL),
('sms-help', 'SMS', 'en', NULL, 'Huduma: for the status of your application send STATUS and the tracking number, e.g. STATUS HD-7K3P-9QX2. Kwa Kiswahili: HALI HD-7K3P-9QX2', NULL);

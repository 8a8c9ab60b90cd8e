-- Message templates per kind of message x channel x language (Mustache). These rows are the shipped
-- defaults; a platform admin edits them through /api/v1/notifications/templates.
CREATE TABLE template (
    kind         text        NOT NULL,
    channel      text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    language     text        NOT NULL CHECK (language IN ('sw', 'en')),
    subject_line text,
    body         text        NOT NULL,
    html         text,
    version      int         NOT NULL DEFAULT 1,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    updated_by   text        NOT NULL DEFAULT 'migration',
    PRIMARY KEY (kind, channel, language)
);

INSERT INTO template (kind, channel, language, subject_line, body, html) VALUES
('otp', 'SMS', 'sw', NULL, 'Nambari yako ya uthibitisho ni {{code}}. Inatumika kwa dakika {{validMinutes}}. Usimpe mtu yeyote.', NULL),
('otp', 'SMS', 'en', NULL, 'Your verification code is {{code}}. It is valid for {{validMinutes}} minutes. Do not share it.', NULL),
('otp', 'EMAIL', 'sw', 'Nambari yako ya uthibitisho',
 'Nambari yako ya uthibitisho ni {{code}}. Inatumika kwa dakika {{validMinutes}}. Usimpe mtu yeyote.',
 '<p>Nambari yako ya uthibitisho ni <strong>{{code}}</strong>.</p><p>Inatumika kwa dakika {{validMinutes}}. Usimpe mtu yeyote.</p>'),
('otp', 'EMAIL', 'en', 'Your verification code',
 'Your verification code is {{code}}. It is valid for {{validMinutes}} minutes. Do not share it.',
 '<p>Your verification code is <strong>{{code}}</strong>.</p><p>It is valid for {{validMinutes}} minutes. Do not share it.</p>'),

('citizen-registered', 'SMS', 'sw', NULL, 'Karibu Huduma, {{name}}! Sasa unaweza kuomba huduma za serikali na kufuatilia maombi yako.', NULL),
('citizen-registered', 'SMS', 'en', NULL, 'Welcome to Huduma, {{name}}! You can now apply for government services and follow your applications.', NULL),
('citizen-registered', 'EMAIL', 'sw', 'Karibu Huduma',
 'Habari {{name}},

Karibu Huduma. Sasa unaweza kuomba huduma za serikali na kufuatilia maombi yako kwa simu au kompyuta.',
 '<p>Habari {{name}},</p><p>Karibu <strong>Huduma</strong>. Sasa unaweza kuomba huduma za serikali na kufuatilia maombi yako kwa simu au kompyuta.</p>'),
('citizen-registered', 'EMAIL', 'en', 'Welcome to Huduma',
 'Hello {{name}},

Welcome to Huduma. You can now apply for government services and follow your applications from your phone or computer.',
 '<p>Hello {{name}},</p><p>Welcome to <strong>Huduma</strong>. You can now apply for government services and follow your applications from your phone or computer.</p>'),

('request-submitted', 'SMS', 'sw', NULL, 'Ombi lako la {{serviceName}} limepokelewa. Namba ya ufuatiliaji: {{trackingNumber}}.', NULL),
('request-submitted', 'SMS', 'en', NULL, 'Your application for {{serviceName}} was received. Tracking number: {{trackingNumber}}.', NULL),
('request-submitted', 'EMAIL', 'sw', 'Ombi {{trackingNumber}} limepokelewa',
 'Habari {{name}},

Ombi lako la {{serviceName}} limepokelewa. Namba ya ufuatiliaji: {{trackingNumber}}.{{#dueDate}} Linatarajiwa kushughulikiwa kabla ya {{dueDate}}.{{/dueDate}}',
 '<p>Habari {{name}},</p><p>Ombi lako la <strong>{{serviceName}}</strong> limepokelewa. Namba ya ufuatiliaji: <strong>{{trackingNumber}}</strong>.{{#dueDate}} Linatarajiwa kushughulikiwa kabla ya {{dueDate}}.{{/dueDate}}</p>'),
('request-submitted', 'EMAIL', 'en', 'Application {{trackingNumber}} received',
 'Hello {{name}},

Your application for {{serviceName}} was received. Tracking number: {{trackingNumber}}.{{#dueDate}} It is due to be handled by {{dueDate}}.{{/dueDate}}',
 '<p>Hello {{name}},</p><p>Your application for <strong>{{serviceName}}</strong> was received. Tracking number: <strong>{{trackingNumber}}</strong>.{{#dueDate}} It is due to be handled by {{dueDate}}.{{/dueDate}}</p>'),

('request-status-changed', 'SMS', 'sw', NULL, 'Hali ya ombi {{trackingNumber}} ({{serviceName}}) sasa ni {{status}}.', NULL),
('request-status-changed', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) is now {{status}}.', NULL),
('request-status-changed.IN_REVIEW', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}) linashughulikiwa sasa.', NULL),
('request-status-changed.IN_REVIEW', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) is now being reviewed.', NULL),
('request-status-changed.NEEDS_INFO', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}) linahitaji taarifa zaidi: {{note}} Jibu kupitia Huduma.', NULL),
('request-status-changed.NEEDS_INFO', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) needs more information: {{note}} Reply through Huduma.', NULL),
('request-status-changed.APPROVED', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}) limekubaliwa. Utaarifiwa likikamilika.', NULL),
('request-status-changed.APPROVED', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) was approved. We will tell you when it is completed.', NULL),
('request-status-changed.REJECTED', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}) limekataliwa.{{#note}} Sababu: {{note}}{{/note}} Unaweza kuomba upya.', NULL),
('request-status-changed.REJECTED', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) was rejected.{{#note}} Reason: {{note}}{{/note}} You may apply again.', NULL),
('request-status-changed.COMPLETED', 'SMS', 'sw', NULL, 'Ombi {{trackingNumber}} ({{serviceName}}) limekamilika. Fuata maelekezo ya taasisi kupata matokeo.', NULL),
('request-status-changed.COMPLETED', 'SMS', 'en', NULL, 'Application {{trackingNumber}} ({{serviceName}}) is complete. Follow the agency''s instructions to collect the result.', NULL),
('request-status-changed', 'EMAIL', 'sw', 'Ombi {{trackingNumber}}: {{status}}',
 'Habari {{name}},

Hali ya ombi lako {{trackingNumber}} ({{serviceName}}) sasa ni {{status}}.{{#note}}

Ujumbe kutoka kwa afisa: {{note}}{{/note}}',
 '<p>Habari {{name}},</p><p>Hali ya ombi lako <strong>{{trackingNumber}}</strong> ({{serviceName}}) sasa ni <strong>{{status}}</strong>.</p>{{#note}}<p>Ujumbe kutoka kwa afisa: {{note}}</p>{{/note}}'),
('request-status-changed', 'EMAIL', 'en', 'Application {{trackingNumber}}: {{status}}',
 'Hello {{name}},

Your application {{trackingNumber}} ({{serviceName}}) is now {{status}}.{{#note}}

Message from the officer: {{note}}{{/note}}',
 '<p>Hello {{name}},</p><p>Your application <strong>{{trackingNumber}}</strong> ({{serviceName}}) is now <strong>{{status}}</strong>.</p>{{#note}}<p>Message from the officer: {{note}}</p>{{/note}}'),

('request-sla-breached', 'EMAIL', 'sw', 'Muda wa huduma umepita: {{trackingNumber}}',
 'Ombi {{trackingNumber}} la {{serviceName}} katika {{agencyName}} limepita muda wake wa huduma{{#dueDate}} ({{dueDate}}){{/dueDate}}. Tafadhali lishughulikie.',
 '<p>Ombi <strong>{{trackingNumber}}</strong> la {{serviceName}} katika {{agencyName}} limepita muda wake wa huduma{{#dueDate}} ({{dueDate}}){{/dueDate}}.</p><p>Tafadhali lishughulikie.</p>'),
('request-sla-breached', 'EMAIL', 'en', 'Service time exceeded: {{trackingNumber}}',
 'Application {{trackingNumber}} for {{serviceName}} at {{agencyName}} has passed its service time{{#dueDate}} ({{dueDate}}){{/dueDate}}. Please handle it.',
 '<p>Application <strong>{{trackingNumber}}</strong> for {{serviceName}} at {{agencyName}} has passed its service time{{#dueDate}} ({{dueDate}}){{/dueDate}}.</p><p>Please handle it.</p>');

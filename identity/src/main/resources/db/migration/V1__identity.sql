-- identity schema. Keycloak holds credentials; identity holds sign-ups in progress, one-time code
-- hashes (never the codes), the record of codes sent (for throttling) and the contact profiles.

-- A sign-up waiting for its phone to be verified. The password is kept only as a salted
-- PBKDF2 hash in Keycloak's own credential format, handed to Keycloak on verification.
CREATE TABLE registrations (
    id              uuid         PRIMARY KEY,
    phone           varchar(20)  NOT NULL,
    full_name       varchar(200) NOT NULL,
    email           varchar(254),
    language        varchar(2)   NOT NULL CHECK (language IN ('sw', 'en')),
    password_hash   text,
    code_hash       varchar(64)  NOT NULL,
    code_salt       varchar(32)  NOT NULL,
    code_expires_at timestamptz  NOT NULL,
    failed_attempts int          NOT NULL DEFAULT 0,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'LOCKED', 'VERIFIED')),
    subject         varchar(64),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL
);
CREATE INDEX registrations_phone ON registrations (phone);
CREATE INDEX registrations_expires_at ON registrations (expires_at);

-- Every code handed to notifications-service: who asked (number, client address) and when.
-- Throttling counts these rows; they hold no code. Purged after a day.
CREATE TABLE code_sends (
    id             bigserial    PRIMARY KEY,
    phone          varchar(20)  NOT NULL,
    client_address varchar(64),
    purpose        varchar(32)  NOT NULL,
    sent_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX code_sends_phone ON code_sends (phone, sent_at);
CREATE INDEX code_sends_address ON code_sends (client_address, sent_at);

-- How to reach an account holder and what they agreed to receive.
CREATE TABLE profiles (
    subject               varchar(64)  PRIMARY KEY,
    display_name          varchar(200) NOT NULL,
    phone                 varchar(20),
    email                 varchar(254),
    language              varchar(2)   NOT NULL CHECK (language IN ('sw', 'en')),
    sms_request_updates   boolean      NOT NULL DEFAULT true,
    sms_reminders         boolean      NOT NULL DEFAULT true,
    email_request_updates boolean      NOT NULL DEFAULT true,
    email_reminders       boolean      NOT NULL DEFAULT true,
    version               int          NOT NULL DEFAULT 0,
    updated_at            timestamptz  NOT NULL DEFAULT now()
);

-- A change of phone number waiting for the code sent to the new number.
CREATE TABLE phone_changes (
    id              uuid         PRIMARY KEY,
    subject         varchar(64)  NOT NULL,
    phone           varchar(20)  NOT NULL,
    code_hash       varchar(64)  NOT NULL,
    code_salt       varchar(32)  NOT NULL,
    code_expires_at timestamptz  NOT NULL,
    failed_attempts int          NOT NULL DEFAULT 0,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'LOCKED', 'VERIFIED')),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL
);
CREATE INDEX phone_changes_expires_at ON phone_changes (expires_at);

-- A password recovery by code. subject is null when the number has no account: the answer
-- looks the same either way, and nothing is sent.
CREATE TABLE password_resets (
    id              uuid         PRIMARY KEY,
    phone           varchar(20)  NOT NULL,
    subject         varchar(64),
    code_hash       varchar(64)  NOT NULL,
    code_salt       varchar(32)  NOT NULL,
    code_expires_at timestamptz  NOT NULL,
    failed_attempts int          NOT NULL DEFAULT 0,
    status          varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'LOCKED', 'VERIFIED')),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    expires_at      timestamptz  NOT NULL
);
CREATE INDEX password_resets_expires_at ON password_resets (expires_at);

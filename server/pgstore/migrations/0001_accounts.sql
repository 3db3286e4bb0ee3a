-- Organisations, their advisors, the devices advisors signed in on, and
-- failed logins for the rate limit.

CREATE TABLE organisations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- the last change sequence number given out in this organisation
    last_seq    bigint      NOT NULL DEFAULT 0
);

CREATE TABLE advisors (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         bigint      NOT NULL REFERENCES organisations (id),
    name           text        NOT NULL,
    -- lower case; unique over all organisations, so sign-in needs only it
    email          text        NOT NULL UNIQUE,
    password_hash  text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    disabled_at    timestamptz
);
CREATE INDEX advisors_org ON advisors (org_id);

CREATE TABLE devices (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id        bigint      NOT NULL REFERENCES organisations (id),
    advisor_id    bigint      NOT NULL REFERENCES advisors (id),
    name          text        NOT NULL,
    -- SHA-256 of the device token; the token itself is never stored
    token_hash    bytea       NOT NULL UNIQUE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz
);
CREATE INDEX devices_advisor ON devices (advisor_id);

CREATE TABLE login_failures (
    -- 'email:' or 'addr:' followed by the e-mail or remote address
    key  text        NOT NULL,
    at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_key ON login_failures (key, at);
CREATE INDEX login_failures_at ON login_failures (at);

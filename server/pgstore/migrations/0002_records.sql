-- Syncable records, the change ids already applied, and the audit trail.

CREATE TABLE records (
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    id          uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN
                    ('company', 'assessment', 'action', 'actor', 'recommendation', 'branding')),
    -- the company a record belongs to (NULL for company and branding)
    company_id  uuid,
    version     bigint      NOT NULL CHECK (version > 0),
    seq         bigint      NOT NULL,
    deleted     boolean     NOT NULL DEFAULT false,
    -- the JSON document as the device sent it, byte for byte; NULL once deleted
    doc         bytea,
    created_by  bigint      NOT NULL REFERENCES advisors (id),
    changed_by  bigint      NOT NULL REFERENCES advisors (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    changed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, id),
    CHECK (deleted = (doc IS NULL))
);
CREATE UNIQUE INDEX records_seq ON records (org_id, seq);
CREATE INDEX records_company ON records (org_id, company_id) WHERE company_id IS NOT NULL;

-- Every change id applied, so that a retried push is recognised.
CREATE TABLE applied_changes (
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    change_id   uuid        NOT NULL,
    record_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    seq         bigint      NOT NULL,
    device_id   bigint      NOT NULL REFERENCES devices (id),
    applied_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, change_id)
);

-- Who erased or deleted what, and when; never any content.
CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id      bigint      NOT NULL REFERENCES organisations (id),
    at          timestamptz NOT NULL DEFAULT now(),
    advisor_id  bigint      NOT NULL REFERENCES advisors (id),
    device_id   bigint      REFERENCES devices (id),
    action      text        NOT NULL,
    kind        text        NOT NULL,
    record_id   uuid        NOT NULL,
    -- how many records belonging to an erased company were erased with it
    dependents  integer     NOT NULL DEFAULT 0
);
CREATE INDEX audit_log_org ON audit_log (org_id, at);

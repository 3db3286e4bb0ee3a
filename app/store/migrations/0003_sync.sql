-- POMI Planner schema, version 3: team sync.
-- The database is the device's working copy of the organisation's records
-- on pomi-server. Nothing here is used until the advisor signs in; until
-- then the triggers only note which rows changed, one small row each.

-- One row per synced record: its global id (a UUID made here when sync
-- first sees the row, or the server's), the local row it is, the version
-- last agreed with the server and what is still unsettled.
CREATE TABLE sync_records (
    seq          INTEGER PRIMARY KEY, -- order first seen: companies push before their assessments
    gid          TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    company      TEXT NOT NULL DEFAULT '', -- the company's gid, for assessments
    local_id     INTEGER,                  -- companies.id or assessments.id; NULL without a local row
    deleted      INTEGER NOT NULL DEFAULT 0, -- the local row was deleted (here, or by an erase)
    erased       INTEGER NOT NULL DEFAULT 0, -- erased for the organisation: only gid and version stay
    parked       TEXT,    -- a pulled record without a local row yet (an assessment before its company)
    base         TEXT,    -- the document last agreed with the server, at base_version
    base_version INTEGER NOT NULL DEFAULT 0,
    unsettled    TEXT,    -- the change pushed and not yet settled, exactly as sent
    touched      INTEGER NOT NULL DEFAULT 0, -- the local document may differ from base
    rejected     TEXT NOT NULL DEFAULT '',   -- why the server refused the last change for good
    conflicts    TEXT     -- open conflicts, a JSON array
);
CREATE UNIQUE INDEX sync_records_local ON sync_records (kind, local_id) WHERE local_id IS NOT NULL;
CREATE INDEX sync_records_company ON sync_records (company) WHERE company <> '';

-- Rows changed since sync last looked. Written by the triggers in the same
-- transaction as the edit, so no edit is missed; folded into sync_records
-- by the next sync.
CREATE TABLE sync_dirty (
    kind     TEXT NOT NULL,
    local_id INTEGER NOT NULL,
    PRIMARY KEY (kind, local_id)
) WITHOUT ROWID;

-- Holds one row while sync writes what it pulled, so the triggers do not
-- take the server's records for local edits.
CREATE TABLE sync_applying (id INTEGER PRIMARY KEY CHECK (id = 1));

-- The pull cursor and the time of the last completed round.
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Only the profile is synced, so touching a company's updated time or logo
-- marks nothing.
CREATE TRIGGER sync_companies_insert AFTER INSERT ON companies
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('company', new.id);
END;
CREATE TRIGGER sync_companies_update AFTER UPDATE OF profile ON companies
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('company', new.id);
END;
-- A deleted row lets go of its record at once, so a new row given the
-- same id is a new record; the record's tombstone is pushed when the
-- server has it. The record keeps no content: a tombstone needs none, and
-- an erased company must not live on here, nor in the backups an erase
-- rewrites (this trigger fires there too). An empty base still says the
-- server has the record.
CREATE TRIGGER sync_companies_delete AFTER DELETE ON companies BEGIN
    UPDATE sync_records SET local_id = NULL, deleted = 1, parked = NULL, conflicts = NULL,
        base = CASE WHEN base IS NULL THEN NULL ELSE '{}' END
    WHERE kind = 'company' AND local_id = old.id;
    DELETE FROM sync_dirty WHERE kind = 'company' AND local_id = old.id;
END;

CREATE TRIGGER sync_assessments_insert AFTER INSERT ON assessments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('assessment', new.id);
END;
CREATE TRIGGER sync_assessments_update AFTER UPDATE OF company_id, date, assessor, data ON assessments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('assessment', new.id);
END;
CREATE TRIGGER sync_assessments_delete AFTER DELETE ON assessments BEGIN
    UPDATE sync_records SET local_id = NULL, deleted = 1, parked = NULL, conflicts = NULL,
        base = CASE WHEN base IS NULL THEN NULL ELSE '{}' END
    WHERE kind = 'assessment' AND local_id = old.id;
    DELETE FROM sync_dirty WHERE kind = 'assessment' AND local_id = old.id;
END;

-- Actions travel inside their assessment's document.
CREATE TRIGGER sync_actions_insert AFTER INSERT ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('assessment', new.assessment_id);
END;
CREATE TRIGGER sync_actions_update AFTER UPDATE ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('assessment', new.assessment_id);
END;
CREATE TRIGGER sync_actions_delete AFTER DELETE ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT OR IGNORE INTO sync_dirty VALUES ('assessment', old.assessment_id);
END;

-- What an older version stored is all new to sync.
INSERT INTO sync_dirty SELECT 'company', id FROM companies;
INSERT INTO sync_dirty SELECT 'assessment', id FROM assessments;

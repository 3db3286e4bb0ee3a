-- POMI Planner schema, version 4: who made and who last changed each
-- synced company and assessment, so the portfolio can show and filter by
-- advisor. Only advisor ids and names are kept, never content; nothing is
-- written until the device has pulled from pomi-server once.

-- The organisation's advisors by their id on the server, as pulls name them.
CREATE TABLE sync_advisors (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

-- One row per local company or assessment row whose authors are known.
-- changed_at is a fixed-width UTC time (2006-01-02T15:04:05.000Z) so that
-- it orders as text; local = 1 while an edit made here has not reached the
-- server, so that a pull does not give the edit to the server's last author.
CREATE TABLE sync_authors (
    kind       TEXT    NOT NULL,
    local_id   INTEGER NOT NULL,
    created_by INTEGER NOT NULL DEFAULT 0, -- 0: not known
    changed_by INTEGER NOT NULL DEFAULT 0,
    changed_at TEXT    NOT NULL DEFAULT '',
    local      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, local_id)
) WITHOUT ROWID;

-- An edit here is the signed-in advisor's (sync_state 'advisor', learnt
-- from the first pull); rows sync writes are attributed from the server's
-- records instead, and sync_applying keeps these quiet then.
CREATE TRIGGER sync_authors_companies_insert AFTER INSERT ON companies
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, created_by, changed_by, changed_at, local)
    SELECT 'company', new.id, value, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_companies_update AFTER UPDATE OF profile ON companies
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, changed_by, changed_at, local)
    SELECT 'company', new.id, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_companies_delete AFTER DELETE ON companies BEGIN
    DELETE FROM sync_authors WHERE kind = 'company' AND local_id = old.id;
END;

CREATE TRIGGER sync_authors_assessments_insert AFTER INSERT ON assessments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, created_by, changed_by, changed_at, local)
    SELECT 'assessment', new.id, value, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_assessments_update AFTER UPDATE OF company_id, date, assessor, data ON assessments
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, changed_by, changed_at, local)
    SELECT 'assessment', new.id, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_assessments_delete AFTER DELETE ON assessments BEGIN
    DELETE FROM sync_authors WHERE kind = 'assessment' AND local_id = old.id;
END;

-- Actions travel inside their assessment's document, so they change it.
CREATE TRIGGER sync_authors_actions_insert AFTER INSERT ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, changed_by, changed_at, local)
    SELECT 'assessment', new.assessment_id, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_actions_update AFTER UPDATE ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor') BEGIN
    INSERT INTO sync_authors (kind, local_id, changed_by, changed_at, local)
    SELECT 'assessment', new.assessment_id, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;
CREATE TRIGGER sync_authors_actions_delete AFTER DELETE ON actions
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'advisor')
    AND EXISTS (SELECT 1 FROM assessments WHERE id = old.assessment_id) BEGIN
    INSERT INTO sync_authors (kind, local_id, changed_by, changed_at, local)
    SELECT 'assessment', old.assessment_id, value, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1
    FROM sync_state WHERE key = 'advisor'
    ON CONFLICT (kind, local_id) DO UPDATE SET changed_by = excluded.changed_by,
        changed_at = excluded.changed_at, local = 1;
END;

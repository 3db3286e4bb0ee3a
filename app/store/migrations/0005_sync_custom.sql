-- POMI Planner schema, version 5: the organisation's own actors and
-- recommendations and its branding sync too (kinds actor, recommendation
-- and branding; see 0003 for how sync notes changed rows).

-- Sync notes rows by number, and the own actors and recommendations have
-- text ids: each row gets a number here for as long as it exists. (Their
-- rowids will not do: VACUUM, run by an erase, may renumber them.) A row
-- deleted and made again gets a new number, so it is a new record, as a
-- company is.
CREATE TABLE sync_custom_rows (
    n    INTEGER PRIMARY KEY,
    kind TEXT NOT NULL, -- 'actor' or 'recommendation'
    id   TEXT NOT NULL,
    UNIQUE (kind, id)
);

-- The number is given even to a row sync writes, so the row has one. No
-- OR IGNORE here: the store saves these rows and the settings with an
-- upsert, whose conflict handling SQLite applies to the triggers'
-- statements too, so they check for the row themselves.
CREATE TRIGGER sync_custom_actors_insert AFTER INSERT ON custom_actors BEGIN
    INSERT INTO sync_custom_rows (kind, id) SELECT 'actor', new.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_custom_rows WHERE kind = 'actor' AND id = new.id);
    INSERT INTO sync_dirty SELECT 'actor', n FROM sync_custom_rows m
    WHERE kind = 'actor' AND id = new.id AND NOT EXISTS (SELECT 1 FROM sync_applying)
        AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'actor' AND d.local_id = m.n);
END;
CREATE TRIGGER sync_custom_actors_update AFTER UPDATE ON custom_actors
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT INTO sync_dirty SELECT 'actor', n FROM sync_custom_rows m WHERE kind = 'actor' AND id = new.id
        AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'actor' AND d.local_id = m.n);
END;
-- As for companies: the record lets go of the row at once, keeping no
-- content; its tombstone is pushed when the server has it.
CREATE TRIGGER sync_custom_actors_delete AFTER DELETE ON custom_actors BEGIN
    UPDATE sync_records SET local_id = NULL, deleted = 1, parked = NULL, conflicts = NULL,
        base = CASE WHEN base IS NULL THEN NULL ELSE '{}' END
    WHERE kind = 'actor' AND local_id = (SELECT n FROM sync_custom_rows WHERE kind = 'actor' AND id = old.id);
    DELETE FROM sync_dirty WHERE kind = 'actor'
        AND local_id = (SELECT n FROM sync_custom_rows WHERE kind = 'actor' AND id = old.id);
    DELETE FROM sync_custom_rows WHERE kind = 'actor' AND id = old.id;
END;

CREATE TRIGGER sync_custom_recommendations_insert AFTER INSERT ON custom_recommendations BEGIN
    INSERT INTO sync_custom_rows (kind, id) SELECT 'recommendation', new.id
    WHERE NOT EXISTS (SELECT 1 FROM sync_custom_rows WHERE kind = 'recommendation' AND id = new.id);
    INSERT INTO sync_dirty SELECT 'recommendation', n FROM sync_custom_rows m
    WHERE kind = 'recommendation' AND id = new.id AND NOT EXISTS (SELECT 1 FROM sync_applying)
        AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'recommendation' AND d.local_id = m.n);
END;
CREATE TRIGGER sync_custom_recommendations_update AFTER UPDATE ON custom_recommendations
WHEN NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT INTO sync_dirty SELECT 'recommendation', n FROM sync_custom_rows m
    WHERE kind = 'recommendation' AND id = new.id
        AND NOT EXISTS (SELECT 1 FROM sync_dirty d WHERE d.kind = 'recommendation' AND d.local_id = m.n);
END;
CREATE TRIGGER sync_custom_recommendations_delete AFTER DELETE ON custom_recommendations BEGIN
    UPDATE sync_records SET local_id = NULL, deleted = 1, parked = NULL, conflicts = NULL,
        base = CASE WHEN base IS NULL THEN NULL ELSE '{}' END
    WHERE kind = 'recommendation'
        AND local_id = (SELECT n FROM sync_custom_rows WHERE kind = 'recommendation' AND id = old.id);
    DELETE FROM sync_dirty WHERE kind = 'recommendation'
        AND local_id = (SELECT n FROM sync_custom_rows WHERE kind = 'recommendation' AND id = old.id);
    DELETE FROM sync_custom_rows WHERE kind = 'recommendation' AND id = old.id;
END;

-- The branding is one record, row 1: the settings and the logo hold it.
-- Saving other settings notes it too; sync finds the document unchanged.
CREATE TRIGGER sync_branding_insert AFTER INSERT ON settings
WHEN new.key IN ('settings', 'branding.logo') AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT INTO sync_dirty SELECT 'branding', 1
    WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'branding' AND local_id = 1);
END;
CREATE TRIGGER sync_branding_update AFTER UPDATE ON settings
WHEN new.key IN ('settings', 'branding.logo') AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT INTO sync_dirty SELECT 'branding', 1
    WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'branding' AND local_id = 1);
END;
CREATE TRIGGER sync_branding_delete AFTER DELETE ON settings
WHEN old.key IN ('settings', 'branding.logo') AND NOT EXISTS (SELECT 1 FROM sync_applying) BEGIN
    INSERT INTO sync_dirty SELECT 'branding', 1
    WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE kind = 'branding' AND local_id = 1);
END;

-- What an older version stored is all new to sync.
INSERT INTO sync_custom_rows (kind, id) SELECT 'actor', id FROM custom_actors;
INSERT INTO sync_custom_rows (kind, id) SELECT 'recommendation', id FROM custom_recommendations;
INSERT INTO sync_dirty SELECT kind, n FROM sync_custom_rows;
INSERT INTO sync_dirty SELECT 'branding', 1 WHERE EXISTS (SELECT 1 FROM settings WHERE key IN ('settings', 'branding.logo'));

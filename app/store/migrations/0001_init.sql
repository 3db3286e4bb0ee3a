-- POMI Planner schema, version 1.
-- A company's profile is kept whole as JSON (app.Company) beside the columns
-- that are searched, sorted or shown in the list, so that a new profile field
-- needs no migration and the list never has to parse JSON.

CREATE TABLE companies (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (name <> ''),
    org_nr       TEXT NOT NULL DEFAULT '',
    city         TEXT NOT NULL DEFAULT '',
    contact      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT '',
    export_stage TEXT NOT NULL DEFAULT '',
    profile      TEXT NOT NULL CHECK (json_valid(profile)),
    logo         BLOB,
    created      TEXT NOT NULL,
    updated      TEXT NOT NULL
);
CREATE INDEX companies_updated ON companies (updated DESC, id DESC);
CREATE INDEX companies_org_nr ON companies (org_nr) WHERE org_nr <> '';

CREATE VIRTUAL TABLE companies_fts USING fts5 (
    name, org_nr, city, contact, notes,
    content = 'companies', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER companies_fts_insert AFTER INSERT ON companies BEGIN
    INSERT INTO companies_fts (rowid, name, org_nr, city, contact, notes)
    VALUES (new.id, new.name, new.org_nr, new.city, new.contact, new.notes);
END;
CREATE TRIGGER companies_fts_delete AFTER DELETE ON companies BEGIN
    INSERT INTO companies_fts (companies_fts, rowid, name, org_nr, city, contact, notes)
    VALUES ('delete', old.id, old.name, old.org_nr, old.city, old.contact, old.notes);
END;
CREATE TRIGGER companies_fts_update AFTER UPDATE ON companies BEGIN
    INSERT INTO companies_fts (companies_fts, rowid, name, org_nr, city, contact, notes)
    VALUES ('delete', old.id, old.name, old.org_nr, old.city, old.contact, old.notes);
    INSERT INTO companies_fts (rowid, name, org_nr, city, contact, notes)
    VALUES (new.id, new.name, new.org_nr, new.city, new.contact, new.notes);
END;

-- One row per visit. The ratings, modes, barriers, checklist and targets are
-- one JSON document (app.Assessment without its actions).
CREATE TABLE assessments (
    id         INTEGER PRIMARY KEY,
    company_id INTEGER NOT NULL REFERENCES companies (id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    assessor   TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL CHECK (json_valid(data)),
    updated    TEXT NOT NULL
);
CREATE INDEX assessments_company ON assessments (company_id, date);

CREATE TABLE actions (
    id            INTEGER PRIMARY KEY,
    assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    dimension     TEXT NOT NULL DEFAULT '',
    owner         TEXT NOT NULL DEFAULT '',
    owner_role    TEXT NOT NULL DEFAULT '',
    due           TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL,
    priority      TEXT NOT NULL,
    source        TEXT NOT NULL,
    actors        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(actors))
);
CREATE INDEX actions_assessment ON actions (assessment_id, position);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value BLOB
);

-- The embedded reference data as last seeded, with its version.
CREATE TABLE reference_data (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    data    TEXT NOT NULL CHECK (json_valid(data))
);

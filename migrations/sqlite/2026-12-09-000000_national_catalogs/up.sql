-- A version of a shared national catalogue read from the national side (issue #17,
-- docs/integration.md "Catalogues"), with the changes it would make to ours. Nothing takes
-- effect until an administrator accepts it (some changes may be left out).
CREATE TABLE national_catalog_updates (
    id TEXT PRIMARY KEY NOT NULL,
    -- Our catalogue, and the national side's name for it (the mapping file links them).
    kind TEXT NOT NULL REFERENCES catalogs(kind),
    national_name TEXT NOT NULL,
    national_version INTEGER NOT NULL,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    effective_date DATE,
    -- pending (waiting for review), unchanged (nothing differs), invalid (cannot be reviewed),
    -- accepted, rejected, superseded (a newer version came before a decision)
    state TEXT NOT NULL,
    -- JSON: the national entries as read, the changes they make, our codes they do not list.
    entries TEXT NOT NULL,
    changes TEXT NOT NULL,
    only_here TEXT NOT NULL,
    error TEXT,
    job_id TEXT REFERENCES jobs(id),
    fetched_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES accounts(id),
    decided_at TIMESTAMP,
    reason TEXT,
    -- JSON array of the codes whose changes the administrator left out.
    skipped TEXT
);
-- A version is read once, even by two checks at the same moment.
CREATE UNIQUE INDEX national_catalog_updates_version ON national_catalog_updates(kind, national_version);
CREATE INDEX national_catalog_updates_fetched ON national_catalog_updates(fetched_at);

-- The national version each catalogue was last brought to.
ALTER TABLE catalogs ADD COLUMN national_version INTEGER;

-- Entries accepted from the national side are 'national': the shipped files no longer change
-- them. SQLite cannot alter a CHECK constraint, so the table is rebuilt (nothing refers to it).
CREATE TABLE catalog_entries_new (
    kind TEXT NOT NULL REFERENCES catalogs(kind),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    parent TEXT,
    valid_from DATE,
    valid_to DATE,
    replaced_by TEXT,
    data TEXT,
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'local', 'national')),
    added_by TEXT REFERENCES accounts(id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, code)
);
INSERT INTO catalog_entries_new SELECT kind, code, label, parent, valid_from, valid_to,
    replaced_by, data, origin, added_by, added_at FROM catalog_entries;
DROP TABLE catalog_entries;
ALTER TABLE catalog_entries_new RENAME TO catalog_entries;
CREATE INDEX catalog_entries_parent ON catalog_entries(kind, parent);

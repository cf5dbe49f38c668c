-- A version of a shared national catalogue read from the national side (issue #17,
-- docs/integration.md "Catalogues"), with the changes it would make to ours. Nothing takes
-- effect until an administrator accepts it (some changes may be left out).
CREATE TABLE national_catalog_updates (
    id TEXT PRIMARY KEY NOT NULL,
    -- Our catalogue, and the national side's name for it (the mapping file links them).
    kind TEXT NOT NULL REFERENCES catalogs(kind) DEFERRABLE INITIALLY IMMEDIATE,
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
    job_id TEXT REFERENCES jobs(id) DEFERRABLE INITIALLY IMMEDIATE,
    fetched_at TIMESTAMP NOT NULL,
    decided_by TEXT REFERENCES accounts(id) DEFERRABLE INITIALLY IMMEDIATE,
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

-- Entries accepted from the national side are 'national': the shipped files no longer change them.
ALTER TABLE catalog_entries DROP CONSTRAINT catalog_entries_origin_check;
ALTER TABLE catalog_entries ADD CONSTRAINT catalog_entries_origin_check
    CHECK (origin IN ('shipped', 'local', 'national'));

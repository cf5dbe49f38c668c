-- Imports of existing staff from spreadsheets (issue #15): the file (kept as a document), the
-- dry run's counts and marked cells, and the commit as a durable job.
CREATE TABLE imports (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    -- checked (dry run done), committing, committed, failed
    status TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    document_id TEXT NOT NULL REFERENCES documents(id),
    created_by TEXT NOT NULL REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL,
    -- Counts of the dry run: records (people or units) new, updated, unchanged, refused.
    rows_read INTEGER NOT NULL,
    people_new INTEGER NOT NULL,
    people_updated INTEGER NOT NULL,
    people_unchanged INTEGER NOT NULL,
    people_refused INTEGER NOT NULL,
    -- Every marked cell (JSON array of {sheet,row,column,header,code,message}).
    issues TEXT NOT NULL,
    issue_count INTEGER NOT NULL,
    valid_only BOOLEAN NOT NULL DEFAULT 0,
    migrated BOOLEAN NOT NULL DEFAULT 0,
    job_id TEXT REFERENCES jobs(id),
    committed_by TEXT REFERENCES accounts(id),
    committed_at TIMESTAMP,
    finished_at TIMESTAMP,
    error TEXT
);
CREATE INDEX imports_created ON imports(created_at, id);

-- One row per record (person or unit) a commit wrote, in the same transaction as the record:
-- a commit resumed after a crash skips them, so nothing is imported twice and the counts stay
-- exact. A person is keyed by the keyed hash of their citizen ID (never the number itself), a
-- unit by `unit:` and its code.
CREATE TABLE import_records (
    import_id TEXT NOT NULL REFERENCES imports(id),
    record_key TEXT NOT NULL,
    -- new, updated, unchanged, refused
    outcome TEXT NOT NULL,
    -- The dossier or unit written.
    target_id TEXT,
    PRIMARY KEY (import_id, record_key)
);

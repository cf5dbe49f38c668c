-- SEC-5: every backup made (on the last working day of a month or quarter, or on demand), where
-- its archive is, and what its verification by a real restore found.
CREATE TABLE backups (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    -- running | verified | failed | deleted
    state TEXT NOT NULL,
    -- Where the archive is (a directory, or s3://bucket/prefix) and its name there.
    location TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size_bytes BIGINT,
    -- SHA-256 of the encrypted archive as written.
    sha256 TEXT,
    schema_version TEXT NOT NULL,
    -- Data key ids the sealed fields in it need (the keys are backed up apart), space separated.
    data_key_ids TEXT NOT NULL,
    tables INTEGER,
    rows_total BIGINT,
    documents INTEGER,
    document_bytes BIGINT,
    -- What the verification found (JSON), and when.
    verification TEXT,
    verified_at TIMESTAMP,
    error TEXT,
    job_id TEXT,
    made_by_type TEXT NOT NULL,
    made_by_id TEXT,
    made_by_name TEXT NOT NULL,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    -- First day retention may delete it; NULL: kept until an administrator deletes it.
    keep_until DATE,
    deleted_at TIMESTAMP,
    deleted_by TEXT,
    delete_reason TEXT
);
CREATE INDEX backups_started ON backups(started_at);
CREATE UNIQUE INDEX backups_job ON backups(job_id);

-- What was restored into this database, from which archive.
CREATE TABLE restores (
    id TEXT PRIMARY KEY NOT NULL,
    backup_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    source_backend TEXT NOT NULL,
    source_schema_version TEXT NOT NULL,
    backup_made_at TIMESTAMP NOT NULL,
    rows_total BIGINT NOT NULL,
    documents INTEGER NOT NULL,
    restored_by TEXT NOT NULL,
    restored_at TIMESTAMP NOT NULL
);

-- Backups get their own right; administrators holding manage_settings hold it too.
UPDATE accounts SET rights = rights || ' manage_backups'
WHERE kind = 'admin' AND rights LIKE '%manage_settings%' AND rights NOT LIKE '%manage_backups%';

-- A national record read for an arrival from another province (TRF-3, DOS-5): what the
-- national database holds of the person, as the form's content, kept so that the draft it
-- starts shows which items came from there and which were entered since.
CREATE TABLE national_records (
    id TEXT PRIMARY KEY NOT NULL,
    transfer_id TEXT NOT NULL REFERENCES transfers(id) DEFERRABLE INITIALLY IMMEDIATE,
    -- Set when the arrival is fulfilled and the dossier opened from this record.
    dossier_id TEXT REFERENCES dossiers(id) DEFERRABLE INITIALLY IMMEDIATE,
    citizen_id_hash TEXT NOT NULL,
    national_identifier TEXT NOT NULL,
    national_dossier_code TEXT NOT NULL,
    -- The province that sent the record to the national database.
    province TEXT NOT NULL,
    -- The content as dossiers keep theirs: the clear part in canonical JSON, the sensitive
    -- part sealed with the data keys.
    content TEXT NOT NULL,
    sealed TEXT,
    -- JSON array of the form's names of the items the record filled.
    items TEXT NOT NULL,
    pulled_by TEXT NOT NULL,
    pulled_at TIMESTAMP NOT NULL
);
CREATE INDEX national_records_transfer ON national_records(transfer_id, pulled_at);
CREATE INDEX national_records_dossier ON national_records(dossier_id);

-- A comparison of what the national database holds of the province with what hoso sent
-- (monthly after Sở Nội vụ's window, or asked for), and the differences it found.
CREATE TABLE national_reconciliations (
    id TEXT PRIMARY KEY NOT NULL,
    -- Records the other side changed since this day were compared.
    since DATE NOT NULL,
    -- running, done, failed
    state TEXT NOT NULL,
    job_id TEXT REFERENCES jobs(id) DEFERRABLE INITIALLY IMMEDIATE,
    -- The account that asked for it; null for the schedule.
    requested_by TEXT,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    -- Records compared on each side.
    theirs INTEGER NOT NULL,
    ours INTEGER NOT NULL,
    error TEXT
);
CREATE INDEX national_reconciliations_started ON national_reconciliations(started_at);

CREATE TABLE national_differences (
    id TEXT PRIMARY KEY NOT NULL,
    reconciliation_id TEXT NOT NULL REFERENCES national_reconciliations(id) DEFERRABLE INITIALLY IMMEDIATE,
    -- missing_there (sent and acknowledged, not held there), different (held with another
    -- hash), missing_here (held there for this province, unknown here)
    kind TEXT NOT NULL,
    dossier_id TEXT REFERENCES dossiers(id) DEFERRABLE INITIALLY IMMEDIATE,
    national_identifier TEXT,
    ours_sha256 TEXT,
    theirs_sha256 TEXT,
    theirs_updated_at TIMESTAMP,
    -- resent (a new message queued), or null while open
    resolution TEXT,
    resolved_by TEXT,
    resolved_at TIMESTAMP,
    message_id TEXT
);
CREATE INDEX national_differences_reconciliation ON national_differences(reconciliation_id, kind);

-- A correction the Ministry made to a record hoso sent (found by reconciliation): a proposal for
-- the managing agency to carry into the draft and send through the normal workflow, or to
-- dismiss with a reason; never written over the dossier.
CREATE TABLE national_corrections (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id) DEFERRABLE INITIALLY IMMEDIATE,
    difference_id TEXT REFERENCES national_differences(id) DEFERRABLE INITIALLY IMMEDIATE,
    national_identifier TEXT NOT NULL,
    -- The approved version the national record was compared with.
    version_number INTEGER NOT NULL,
    content TEXT NOT NULL,
    sealed TEXT,
    -- JSON array of the form's names of the items whose national value differs.
    items TEXT NOT NULL,
    -- open, applied (carried into the draft), dismissed
    state TEXT NOT NULL,
    received_by TEXT NOT NULL,
    received_at TIMESTAMP NOT NULL,
    decided_by TEXT,
    decided_at TIMESTAMP,
    note TEXT
);
CREATE INDEX national_corrections_dossier ON national_corrections(dossier_id, state);

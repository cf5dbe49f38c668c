-- The national sync (INT-1…4, docs/integration.md): an outbox of messages written in the same
-- transaction as their cause (Sở Nội vụ's approval of a version, the end of a person's
-- service), delivered in order per person by durable jobs, and a hash-chained, append-only log
-- of every request and answer exchanged with the platform.
CREATE TABLE national_messages (
    -- The message id the other side deduplicates by (a UUID).
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id) DEFERRABLE INITIALLY IMMEDIATE,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id) DEFERRABLE INITIALLY IMMEDIATE,
    -- 1, 2, … per person: the order the other side applies them in.
    sequence INTEGER NOT NULL,
    -- version_approved, status_changed
    kind TEXT NOT NULL,
    version_number INTEGER,
    -- in_service, retired, resigned, dismissed, deceased, transferred_out
    person_status TEXT NOT NULL,
    -- queued, sending, acknowledged, dead
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    -- The packet as last sent (canonical JSON of its person object) and its SHA-256.
    packet TEXT,
    packet_sha256 TEXT,
    last_error TEXT,
    -- The stable code of the last refusal (uncoded_value, invalid_signature, IP_DISALLOWED, …).
    last_error_code TEXT,
    national_identifier TEXT,
    national_dossier_code TEXT,
    job_id TEXT REFERENCES jobs(id) DEFERRABLE INITIALLY IMMEDIATE,
    created_by TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP,
    acknowledged_at TIMESTAMP,
    UNIQUE (person_id, sequence)
);
CREATE INDEX national_messages_state ON national_messages(state, created_at);
CREATE INDEX national_messages_dossier ON national_messages(dossier_id, sequence);

-- Every request sent and every answer received, in order. entry_hash = SHA-256 over the
-- previous entry's hash and this entry's fields: changing or removing a stored entry breaks
-- the chain from there on (hoso verify-log).
CREATE TABLE national_log (
    seq BIGINT PRIMARY KEY NOT NULL,
    at TIMESTAMP NOT NULL,
    message_id TEXT,
    -- out (a request), in (its answer or the failure to get one)
    direction TEXT NOT NULL,
    method TEXT NOT NULL,
    path TEXT NOT NULL,
    status INTEGER,
    body TEXT NOT NULL,
    previous_hash TEXT NOT NULL,
    entry_hash TEXT NOT NULL
);
CREATE INDEX national_log_message ON national_log(message_id, seq);

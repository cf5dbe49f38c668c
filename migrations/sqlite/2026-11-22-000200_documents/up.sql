-- Scanned documents (decisions, later dossier attachments). The bytes live in the data
-- directory under their SHA-256; this row says what they are and who may read them.
CREATE TABLE documents (
    id TEXT PRIMARY KEY NOT NULL,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    -- The uploader's unit (NULL: province-wide), which scopes who may read it.
    unit_id TEXT REFERENCES units(id),
    uploaded_by TEXT NOT NULL REFERENCES accounts(id),
    uploaded_at TIMESTAMP NOT NULL
);
CREATE INDEX documents_sha256 ON documents(sha256);

-- The scanned copy of the decision an audited change rests on (ACC-4).
ALTER TABLE audit_events ADD COLUMN decision_document_id TEXT REFERENCES documents(id);

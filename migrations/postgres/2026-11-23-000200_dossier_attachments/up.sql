-- DOS-3: scanned documents attached to a dossier, each typed (`document_kinds`) and linked to
-- the item or table row it proves (a field path such as `work_history[2]`). Never deleted.
CREATE TABLE dossier_attachments (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    item TEXT,
    note TEXT,
    added_by TEXT NOT NULL REFERENCES accounts(id),
    added_at TIMESTAMP NOT NULL
);
CREATE INDEX dossier_attachments_dossier ON dossier_attachments(dossier_id);

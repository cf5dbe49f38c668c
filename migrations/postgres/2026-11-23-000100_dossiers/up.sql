-- DOS-1…5, SEC-2: one dossier per person for life. Approved content is a sequence of immutable
-- versions; edits go to the draft. Sensitive fields are stored only sealed (authenticated
-- encryption, key id inside the sealed text); the citizen-ID number is findable by a keyed hash.
CREATE TABLE dossiers (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL UNIQUE REFERENCES people(id),
    -- Số hiệu hồ sơ: given once, never changed.
    dossier_number TEXT NOT NULL UNIQUE,
    -- Mã số định danh from the national database, once assigned.
    national_identifier TEXT UNIQUE,
    citizen_id_hash TEXT UNIQUE,
    -- Accent-free lower-case name, for search.
    search_name TEXT NOT NULL,
    status TEXT NOT NULL,
    current_version INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX dossiers_search_name ON dossiers(search_name);

CREATE TABLE dossier_versions (
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    number INTEGER NOT NULL,
    -- Canonical JSON of the content without its sensitive fields.
    content TEXT NOT NULL,
    -- The sensitive fields, sealed; absent when there are none.
    sealed TEXT,
    -- SHA-256 of the canonical JSON of the whole content (sensitive fields included).
    content_hash TEXT NOT NULL,
    created_by TEXT REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL,
    note TEXT,
    PRIMARY KEY (dossier_id, number)
);

CREATE TABLE dossier_drafts (
    dossier_id TEXT PRIMARY KEY NOT NULL REFERENCES dossiers(id),
    content TEXT NOT NULL,
    sealed TEXT,
    -- Raised by every save; a save must name the revision it read (409 otherwise).
    revision INTEGER NOT NULL,
    -- The version the draft started from (0: none yet).
    based_on INTEGER NOT NULL,
    updated_by TEXT REFERENCES accounts(id),
    updated_at TIMESTAMP NOT NULL
);

CREATE FUNCTION dossier_versions_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'dossier_versions is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER dossier_versions_no_change BEFORE UPDATE OR DELETE ON dossier_versions
FOR EACH ROW EXECUTE FUNCTION dossier_versions_append_only();
CREATE TRIGGER dossier_versions_no_truncate BEFORE TRUNCATE ON dossier_versions
FOR EACH STATEMENT EXECUTE FUNCTION dossier_versions_append_only();

-- CTX-2, DOS-1: the national catalogues every coded dossier field refers to. Shipped catalogues
-- are loaded from `crates/domain/catalogs/*.json` at start (versioned); administrators add
-- entries. Codes are never deleted or reused: an entry is retired with `valid_to`.
CREATE TABLE catalogs (
    kind TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    effective_date DATE NOT NULL,
    code_format TEXT,
    parent_kind TEXT,
    successor_kind TEXT,
    note TEXT,
    loaded_at TIMESTAMP NOT NULL
);

CREATE TABLE catalog_entries (
    kind TEXT NOT NULL REFERENCES catalogs(kind),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    parent TEXT,
    valid_from DATE,
    valid_to DATE,
    replaced_by TEXT,
    -- Kind-specific facts as JSON text (a salary scale's coefficients).
    data TEXT,
    -- 'shipped' entries follow the files; 'local' ones were added by an administrator.
    origin TEXT NOT NULL CHECK (origin IN ('shipped', 'local')),
    added_by TEXT REFERENCES accounts(id),
    added_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, code)
);
CREATE INDEX catalog_entries_parent ON catalog_entries(kind, parent);

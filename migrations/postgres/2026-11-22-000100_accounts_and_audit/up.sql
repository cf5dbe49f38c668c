-- Organisation units as accounts need them for their scope (ORG-1). The organisation capability
-- extends this table with effective dates and lineage; `path` is the ancestry `/<root>/…/<id>/`
-- so that "in this subtree" is a prefix test on an index.
CREATE TABLE units (
    id TEXT PRIMARY KEY NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    parent_id TEXT REFERENCES units(id),
    path TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX units_parent_id ON units(parent_id);

-- A person is one dossier for life; the dossier capability adds its content.
CREATE TABLE people (
    id TEXT PRIMARY KEY NOT NULL,
    full_name TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX people_unit_id ON people(unit_id);

CREATE TABLE accounts (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('admin', 'agency', 'specialist', 'personal')),
    -- NULL: the whole province (administrators only).
    unit_id TEXT REFERENCES units(id),
    -- ACC-2: exactly one personal account per person.
    person_id TEXT UNIQUE REFERENCES people(id),
    rights TEXT NOT NULL,
    -- ACC-4: the officer an agency account is handed to.
    holder_name TEXT,
    password_hash TEXT NOT NULL,
    must_change_password BOOLEAN NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'locked', 'revoked')),
    failed_logins INTEGER NOT NULL,
    locked_until TIMESTAMP,
    -- Raised by every change that must end existing sessions at once.
    auth_version INTEGER NOT NULL,
    -- Optimistic concurrency for edits.
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    last_login_at TIMESTAMP,
    CHECK ((kind = 'personal') = (person_id IS NOT NULL)),
    CHECK ((kind = 'admin') = (unit_id IS NULL))
);
CREATE INDEX accounts_unit_id ON accounts(unit_id);

CREATE TABLE refresh_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    -- Tokens rotated from one sign-in share a family; reuse of a spent token ends the family.
    family_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    issued_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX refresh_tokens_account_id ON refresh_tokens(account_id);
CREATE INDEX refresh_tokens_family_id ON refresh_tokens(family_id);

-- Other systems (provincial portals, the data-sharing platform) with OAuth2 client credentials.
CREATE TABLE api_clients (
    id TEXT PRIMARY KEY NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    scopes TEXT NOT NULL,
    -- INT-3: the written consent the connection rests on.
    consent_reference TEXT NOT NULL,
    secret_hash TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revoked')),
    auth_version INTEGER NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- ACC-7: an agency asks Sở Nội vụ for an account or rights for a subordinate unit.
CREATE TABLE account_requests (
    id TEXT PRIMARY KEY NOT NULL,
    requested_by TEXT NOT NULL REFERENCES accounts(id),
    unit_id TEXT NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'specialist')),
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    rights TEXT NOT NULL,
    justification TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    decided_by TEXT REFERENCES accounts(id),
    decided_at TIMESTAMP,
    decision_note TEXT,
    created_account_id TEXT REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX account_requests_status ON account_requests(status);

-- SEC-7, CTX-3: who did what to which data, when, from where, under which right.
CREATE TABLE audit_events (
    id BIGSERIAL PRIMARY KEY,
    at TIMESTAMP NOT NULL,
    actor_type TEXT NOT NULL,
    actor_id TEXT,
    actor_name TEXT,
    action TEXT NOT NULL,
    outcome TEXT NOT NULL,
    target_type TEXT,
    target_id TEXT,
    unit_id TEXT,
    subject_person_id TEXT,
    right_used TEXT,
    ip TEXT,
    request_id TEXT,
    reason TEXT,
    decision_number TEXT,
    decision_date TEXT,
    decision_signer TEXT,
    details TEXT
);
CREATE INDEX audit_events_at ON audit_events(at);
CREATE INDEX audit_events_actor_id ON audit_events(actor_id);
CREATE INDEX audit_events_target_id ON audit_events(target_id);
CREATE INDEX audit_events_unit_id ON audit_events(unit_id);
CREATE INDEX audit_events_subject_person_id ON audit_events(subject_person_id);

-- The trail is append-only: no statement may change or remove a row.
CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- CTX-5: the built-in certification authority (one row); its key sealed with the data keys.
CREATE TABLE signing_authority (
    id TEXT PRIMARY KEY NOT NULL,
    certificate TEXT NOT NULL,
    sealed_key TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

-- An approver's signing certificates: issued by the built-in CA (key sealed here) or brought
-- from a USB token / remote signing service (no key here). A signature must be made with a
-- certificate registered to the approving account.
CREATE TABLE signing_certificates (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    fingerprint TEXT NOT NULL UNIQUE,
    subject TEXT NOT NULL,
    issuer TEXT NOT NULL,
    serial TEXT NOT NULL,
    not_before TIMESTAMP NOT NULL,
    not_after TIMESTAMP NOT NULL,
    certificate TEXT NOT NULL,
    sealed_key TEXT,
    source TEXT NOT NULL CHECK (source IN ('builtin', 'external')),
    created_at TIMESTAMP NOT NULL,
    revoked_at TIMESTAMP
);
CREATE INDEX signing_certificates_account ON signing_certificates(account_id);

-- WF-1…8: one pass of a dossier's draft through submission, check and lock, the head's
-- signature and Sở Nội vụ's approval; or its return with the reason.
CREATE TABLE reviews (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    kind TEXT NOT NULL CHECK (kind IN ('initial', 'change')),
    state TEXT NOT NULL CHECK (state IN ('submitted', 'locked', 'signed', 'approved', 'returned')),
    -- The person's unit when submitted: whose queue and dashboard it is in.
    unit_id TEXT NOT NULL REFERENCES units(id),
    -- The draft revision under review, and the SHA-256 of its whole content.
    draft_revision INTEGER NOT NULL,
    content_hash TEXT NOT NULL,
    -- A change request: what changed and why, and when it happened (WF-4).
    reason TEXT,
    event_date DATE,
    submitted_by TEXT NOT NULL REFERENCES accounts(id),
    on_behalf BOOLEAN NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    -- When the review entered its state, and when that step is due (working days).
    state_since TIMESTAMP NOT NULL,
    due_on DATE,
    checked_by TEXT REFERENCES accounts(id),
    checked_at TIMESTAMP,
    -- What the focal officer checked against the paper originals (JSON).
    checklist TEXT,
    -- The version the head's signature created.
    version_number INTEGER,
    return_reason TEXT,
    returned_by TEXT REFERENCES accounts(id)
);
CREATE INDEX reviews_dossier ON reviews(dossier_id);
CREATE INDEX reviews_state ON reviews(state);

-- The history of a review, as the employee and the reviewers see it.
CREATE TABLE review_events (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    seq INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor_id TEXT NOT NULL REFERENCES accounts(id),
    at TIMESTAMP NOT NULL,
    note TEXT,
    PRIMARY KEY (review_id, seq)
);

-- The scanned evidence of a change request (WF-4).
CREATE TABLE review_evidence (
    review_id TEXT NOT NULL REFERENCES reviews(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    kind TEXT NOT NULL,
    PRIMARY KEY (review_id, document_id)
);

-- CTX-5: each signature over a version at a step; never changed, never deleted.
CREATE TABLE signatures (
    id TEXT PRIMARY KEY NOT NULL,
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    version_number INTEGER NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('head', 'home_affairs')),
    review_id TEXT NOT NULL REFERENCES reviews(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    certificate_id TEXT NOT NULL REFERENCES signing_certificates(id),
    -- The exact signed text and the CMS signature (DER, base64).
    statement TEXT NOT NULL,
    cms TEXT NOT NULL,
    signed_at TIMESTAMP NOT NULL,
    -- Set when the profile only warns and the signature fell outside its window.
    window_warning TEXT,
    UNIQUE (dossier_id, version_number, step)
);
CREATE TRIGGER signatures_no_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures is append-only'); END;
CREATE TRIGGER signatures_no_delete BEFORE DELETE ON signatures
BEGIN SELECT RAISE(ABORT, 'signatures is append-only'); END;

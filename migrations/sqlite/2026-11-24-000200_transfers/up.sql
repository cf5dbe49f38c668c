-- TRF-1…5: where a person's service stands; the archive is every dossier whose person's
-- service has ended.
ALTER TABLE people ADD COLUMN service_status TEXT NOT NULL DEFAULT 'active';

-- Each move, with its decision; the dossier's history of moves.
CREATE TABLE transfers (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    -- 'pending' (waiting for the receiving agency or Sở Nội vụ), 'completed', 'cancelled'.
    state TEXT NOT NULL,
    -- The person moved; for an arrival, set once the person is created here.
    person_id TEXT REFERENCES people(id),
    person_name TEXT NOT NULL,
    from_unit_id TEXT REFERENCES units(id),
    to_unit_id TEXT REFERENCES units(id),
    -- Where an arrival comes from / a departure goes (outside the province).
    outside_body TEXT,
    decision_number TEXT NOT NULL,
    decision_date DATE NOT NULL,
    decision_signer TEXT NOT NULL,
    decision_document_id TEXT REFERENCES documents(id),
    effective_on DATE NOT NULL,
    -- A secondment's end.
    until_on DATE,
    note TEXT,
    due_on DATE NOT NULL,
    filed_by TEXT NOT NULL REFERENCES accounts(id),
    filed_at TIMESTAMP NOT NULL,
    completed_by TEXT REFERENCES accounts(id),
    completed_at TIMESTAMP,
    -- Sở Nội vụ's national-database export for an arrival, or its note for a departure.
    completion_document_id TEXT REFERENCES documents(id),
    completion_note TEXT,
    returned_at TIMESTAMP
);
CREATE INDEX transfers_person ON transfers(person_id);
CREATE INDEX transfers_state ON transfers(state);

-- TRF-5: a dossier and its person are never deleted, by any API or command.
CREATE TRIGGER dossiers_no_delete BEFORE DELETE ON dossiers
BEGIN SELECT RAISE(ABORT, 'dossiers are kept permanently'); END;
CREATE TRIGGER people_no_delete BEFORE DELETE ON people
BEGIN SELECT RAISE(ABORT, 'people are kept permanently'); END;

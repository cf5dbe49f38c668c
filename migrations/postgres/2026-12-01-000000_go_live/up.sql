-- Go-live (issue #14). Recruitment decisions and contracts (ACC-6, DOS-1): who was recruited,
-- where, on which decision (its scanned copy required), and by when the personal account is due.
CREATE TABLE recruitments (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id),
    unit_id TEXT NOT NULL REFERENCES units(id),
    job_position_id TEXT REFERENCES job_positions(id),
    category TEXT NOT NULL,
    -- 'decision' (recruitment decision) or 'contract' (labour contract, Decree 111/2022)
    basis TEXT NOT NULL,
    decision_number TEXT NOT NULL,
    decision_date DATE NOT NULL,
    decision_signer TEXT NOT NULL,
    decision_document_id TEXT NOT NULL REFERENCES documents(id),
    account_due_on DATE NOT NULL,
    recruited_by TEXT NOT NULL REFERENCES accounts(id),
    recruited_at TIMESTAMP NOT NULL
);
CREATE INDEX recruitments_person ON recruitments(person_id);
CREATE INDEX recruitments_unit ON recruitments(unit_id, account_due_on);

-- ORG-2: a person's employment category through time (a contract worker later recruited as a
-- public employee), each change with its decision. valid_to is the first day it no longer held.
CREATE TABLE person_categories (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id),
    category TEXT NOT NULL,
    contract_type TEXT,
    contract_ends_on DATE,
    valid_from DATE NOT NULL,
    valid_to DATE,
    decision_number TEXT,
    decision_date DATE,
    decision_signer TEXT,
    decision_document_id TEXT REFERENCES documents(id),
    recorded_by TEXT REFERENCES accounts(id),
    recorded_at TIMESTAMP NOT NULL
);
CREATE INDEX person_categories_person ON person_categories(person_id, valid_from);
CREATE INDEX person_categories_day ON person_categories(valid_from, valid_to);
-- People already here: their category since they were entered.
INSERT INTO person_categories (id, person_id, category, valid_from, recorded_at)
SELECT id, id, category, created_at::date, created_at FROM people;

-- ORG-1, ACC-7: agencies propose new units under them; Sở Nội vụ decides.
CREATE TABLE unit_requests (
    id TEXT PRIMARY KEY NOT NULL,
    requested_by TEXT NOT NULL REFERENCES accounts(id),
    parent_id TEXT NOT NULL REFERENCES units(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    effective_date DATE NOT NULL,
    reason TEXT NOT NULL,
    decision_number TEXT,
    decision_date DATE,
    decision_signer TEXT,
    decision_document_id TEXT REFERENCES documents(id),
    status TEXT NOT NULL,
    decided_by TEXT REFERENCES accounts(id),
    decided_at TIMESTAMP,
    decision_note TEXT,
    created_unit_id TEXT REFERENCES units(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX unit_requests_status ON unit_requests(status, created_at);

-- CTX-1: the national dossier code (số hiệu hồ sơ) beside the national identifier; both unique.
ALTER TABLE dossiers ADD COLUMN national_dossier_code TEXT;
CREATE UNIQUE INDEX dossiers_national_identifier ON dossiers(national_identifier);
CREATE UNIQUE INDEX dossiers_national_dossier_code ON dossiers(national_dossier_code);

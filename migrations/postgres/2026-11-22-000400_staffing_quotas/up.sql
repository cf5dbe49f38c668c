-- ORG-2: staffing quotas per unit and year, compared with the headcount of people by
-- employment category.
ALTER TABLE people ADD COLUMN category TEXT NOT NULL DEFAULT 'public_employee'
    CHECK (category IN ('civil_servant', 'public_employee', 'contract_worker'));

CREATE TABLE unit_quotas (
    unit_id TEXT NOT NULL REFERENCES units(id),
    year INTEGER NOT NULL,
    civil_servants INTEGER NOT NULL CHECK (civil_servants >= 0),
    public_employees INTEGER NOT NULL CHECK (public_employees >= 0),
    contract_workers INTEGER NOT NULL CHECK (contract_workers >= 0),
    decision_number TEXT,
    updated_by TEXT REFERENCES accounts(id),
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (unit_id, year)
);

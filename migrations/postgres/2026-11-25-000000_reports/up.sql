-- USE-1, USE-3: facts are now kept for the approved version and for the working draft
-- (searched by those who edit drafts), with the columns the HR lists need (step raise,
-- beyond-frame seniority, contracts). Facts are derived data: the table is made anew and the
-- next start back-fills it.
DROP TABLE dossier_facts;
CREATE TABLE dossier_facts (
    dossier_id TEXT NOT NULL REFERENCES dossiers(id),
    -- 'approved' (the version in force) or 'draft' (the working copy)
    source TEXT NOT NULL,
    version INTEGER NOT NULL,
    gender TEXT,
    birth_date DATE,
    ethnicity TEXT,
    religion TEXT,
    grade TEXT,
    salary_step INTEGER,
    coefficient INTEGER,
    job_position TEXT,
    position TEXT,
    general_education TEXT,
    qualification TEXT,
    political_theory TEXT,
    state_management TEXT,
    languages TEXT,
    party_member BOOLEAN NOT NULL,
    latest_rating TEXT,
    latest_rating_year INTEGER,
    recruited_on DATE,
    position_appointed_on DATE,
    has_reward BOOLEAN NOT NULL,
    has_discipline BOOLEAN NOT NULL,
    step_since DATE,
    beyond_frame_percent INTEGER,
    beyond_frame_since DATE,
    contract_ends_on DATE,
    PRIMARY KEY (dossier_id, source)
);
CREATE INDEX dossier_facts_grade ON dossier_facts(source, grade);
CREATE INDEX dossier_facts_gender_birth ON dossier_facts(source, gender, birth_date);
CREATE INDEX dossier_facts_position ON dossier_facts(source, position);
CREATE INDEX dossier_facts_job_position ON dossier_facts(source, job_position);
CREATE INDEX dossier_facts_qualification ON dossier_facts(source, qualification);
CREATE INDEX dossier_facts_contract_ends ON dossier_facts(source, contract_ends_on);
CREATE INDEX dossier_facts_step_since ON dossier_facts(source, step_since);
CREATE INDEX dossier_facts_beyond_frame_since ON dossier_facts(source, beyond_frame_since);

-- USE-2: which unit managed each person from when until when, so that a report as of a past
-- date counts people where they stood (before a merge, a transfer, the end of service).
-- valid_to is the first day no longer managed there; NULL while it lasts.
CREATE TABLE person_placements (
    id TEXT PRIMARY KEY NOT NULL,
    person_id TEXT NOT NULL REFERENCES people(id),
    unit_id TEXT NOT NULL REFERENCES units(id),
    valid_from DATE NOT NULL,
    valid_to DATE
);
CREATE INDEX person_placements_person ON person_placements(person_id);
CREATE INDEX person_placements_unit ON person_placements(unit_id, valid_from);
-- People already here: placed since they were entered; those whose service has ended, until
-- today (the day of ending was not kept before).
INSERT INTO person_placements (id, person_id, unit_id, valid_from, valid_to)
SELECT id, id, unit_id, created_at::date,
       CASE WHEN service_status IN ('active', 'seconded') THEN NULL ELSE CURRENT_DATE END
FROM people;

-- Reports that take long (as of a past date, the whole province) run in the background; the
-- result is kept for download.
CREATE TABLE report_jobs (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL,
    unit_id TEXT REFERENCES units(id),
    as_of DATE NOT NULL,
    status TEXT NOT NULL,
    done INTEGER NOT NULL,
    total INTEGER NOT NULL,
    result TEXT,
    error TEXT,
    created_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP
);
CREATE INDEX report_jobs_account ON report_jobs(account_id, created_at);

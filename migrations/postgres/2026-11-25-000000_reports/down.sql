DROP TABLE report_jobs;
DROP TABLE person_placements;
DROP TABLE dossier_facts;
CREATE TABLE dossier_facts (
    dossier_id TEXT PRIMARY KEY NOT NULL REFERENCES dossiers(id),
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
    has_discipline BOOLEAN NOT NULL
);
CREATE INDEX dossier_facts_grade ON dossier_facts(grade);
CREATE INDEX dossier_facts_gender_birth ON dossier_facts(gender, birth_date);
CREATE INDEX dossier_facts_position ON dossier_facts(position);
CREATE INDEX dossier_facts_job_position ON dossier_facts(job_position);
CREATE INDEX dossier_facts_qualification ON dossier_facts(qualification);

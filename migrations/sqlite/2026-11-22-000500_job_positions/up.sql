-- ORG-3: job positions (vị trí việc làm) of each unit and who holds them.
CREATE TABLE job_positions (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    position_group TEXT NOT NULL
        CHECK (position_group IN ('leadership', 'professional', 'shared_professional', 'support')),
    -- The grade or professional title it requires (a catalogue code).
    required_grade TEXT,
    posts INTEGER NOT NULL CHECK (posts >= 0),
    created_at TIMESTAMP NOT NULL,
    UNIQUE (unit_id, code)
);
CREATE INDEX job_positions_unit_id ON job_positions(unit_id);

-- The job position a person holds now (the dossier keeps the history).
ALTER TABLE people ADD COLUMN position_id TEXT REFERENCES job_positions(id);

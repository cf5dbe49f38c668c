-- The organisation tree through time (ORG-1, ORG-4, CTX-2). `units` keeps each unit's identity
-- and its current state (for fast scope checks); `unit_versions` keeps every period of its name
-- and place in the tree; `unit_events` the decisions that changed it; `unit_lineage` which units
-- a merged or split unit became.
CREATE TABLE unit_events (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('create', 'rename', 'move', 'merge', 'split', 'dissolve')),
    effective_date DATE NOT NULL,
    decision_number TEXT,
    decision_date DATE,
    decision_signer TEXT,
    document_id TEXT REFERENCES documents(id),
    reason TEXT NOT NULL,
    actor_id TEXT REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE unit_versions (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES units(id),
    -- The period [valid_from, valid_to): valid_to is the first day it no longer held.
    valid_from DATE NOT NULL,
    valid_to DATE,
    event_id TEXT REFERENCES unit_events(id),
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX unit_versions_unit_id ON unit_versions(unit_id);
CREATE INDEX unit_versions_period ON unit_versions(valid_from, valid_to);

CREATE TABLE unit_lineage (
    event_id TEXT NOT NULL REFERENCES unit_events(id),
    from_unit_id TEXT NOT NULL REFERENCES units(id),
    to_unit_id TEXT NOT NULL REFERENCES units(id),
    PRIMARY KEY (event_id, from_unit_id, to_unit_id)
);

-- The first day a unit no longer exists (dissolved or merged away); NULL while it exists.
ALTER TABLE units ADD COLUMN ended_on DATE;

-- Update campaigns (issue #6): an HR officer opens a window in which chosen people update
-- chosen sections of their dossier until a date.
CREATE TABLE campaigns (
    id TEXT PRIMARY KEY NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    title TEXT NOT NULL,
    -- JSON array of the dossier's top-level sections that may change.
    sections TEXT NOT NULL,
    -- JSON array of person ids; empty: everyone under the unit.
    person_ids TEXT NOT NULL,
    opens_on DATE NOT NULL,
    closes_on DATE NOT NULL,
    created_by TEXT NOT NULL REFERENCES accounts(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX campaigns_closes ON campaigns(closes_on);

-- In-app notifications to an account (campaigns, returned dossiers).
CREATE TABLE notifications (
    id TEXT PRIMARY KEY NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT,
    created_at TIMESTAMP NOT NULL,
    read_at TIMESTAMP
);
CREATE INDEX notifications_account ON notifications(account_id, created_at);

-- The campaign a change was filed under (checked by the API; no foreign key so that SQLite
-- can drop the column on the way down).
ALTER TABLE reviews ADD COLUMN campaign_id TEXT;

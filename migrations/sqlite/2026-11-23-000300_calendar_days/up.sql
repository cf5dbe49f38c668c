-- CTX-4: each year's plan of days off and swapped working days, as the government announces
-- it, entered by an administrator. Statutory holidays are computed, not stored.
CREATE TABLE calendar_days (
    day DATE PRIMARY KEY NOT NULL,
    -- 'off': an extra day off; 'working': worked although it would be off.
    kind TEXT NOT NULL CHECK (kind IN ('off', 'working')),
    note TEXT NOT NULL,
    updated_by TEXT REFERENCES accounts(id),
    updated_at TIMESTAMP NOT NULL
);

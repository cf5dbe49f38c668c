-- Issue #23 point 10: where an account's email goes and which kinds of message its holder
-- switched off (JSON array of kind names). No row: no address, every kind on.
CREATE TABLE mail_settings (
    account_id TEXT PRIMARY KEY NOT NULL REFERENCES accounts(id) DEFERRABLE INITIALLY IMMEDIATE,
    email TEXT,
    muted TEXT NOT NULL DEFAULT '[]',
    updated_at TIMESTAMP NOT NULL
);

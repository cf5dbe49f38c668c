-- Issue #19, defect 3: failed sign-ins are counted per (account, client address) and per client
-- address, so that a stranger's wrong passwords lock out only the stranger's address — never the
-- account's holder signing in from elsewhere. `throttle_key` is `account:<id>@<address>` or
-- `address:<address>`; a counter starts over after an hour without failures.
CREATE TABLE sign_in_throttles (
    throttle_key TEXT PRIMARY KEY NOT NULL,
    account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
    address TEXT NOT NULL,
    failures INTEGER NOT NULL,
    first_failure_at TIMESTAMP NOT NULL,
    last_failure_at TIMESTAMP NOT NULL,
    locked_until TIMESTAMP
);
CREATE INDEX sign_in_throttles_account ON sign_in_throttles (account_id, last_failure_at);
CREATE INDEX sign_in_throttles_recent ON sign_in_throttles (last_failure_at);

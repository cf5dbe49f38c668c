-- Durable background jobs (imports, national sync, backups, reports, reminders), shared by
-- every instance: a job is queued in the same transaction as the change that causes it, claimed
-- by one worker under a lease it renews, retried with backoff, and ends succeeded, dead or
-- cancelled.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    -- queued, running, succeeded, dead, cancelled
    state TEXT NOT NULL,
    -- A second enqueue with the same key returns the first job: one effect however often asked.
    idempotency_key TEXT,
    attempts INTEGER NOT NULL,
    max_attempts INTEGER NOT NULL,
    run_after TIMESTAMP NOT NULL,
    lease_owner TEXT,
    lease_until TIMESTAMP,
    cancel_requested BOOLEAN NOT NULL DEFAULT FALSE,
    progress_done INTEGER NOT NULL,
    progress_total INTEGER NOT NULL,
    last_error TEXT,
    result TEXT,
    -- account, client, system or schedule; with the account's id and name, or the schedule's
    queued_by_type TEXT NOT NULL,
    queued_by_id TEXT,
    queued_by_name TEXT,
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP
);
CREATE UNIQUE INDEX jobs_idempotency ON jobs(idempotency_key);
CREATE INDEX jobs_claimable ON jobs(state, run_after);
CREATE INDEX jobs_created ON jobs(created_at, id);

-- One row per occurrence of a recurring job (its schedule's name and the occurrence's time):
-- the primary key makes an occurrence run once across instances; missed occurrences found
-- after downtime are recorded as caught up or skipped.
CREATE TABLE schedule_runs (
    schedule TEXT NOT NULL,
    occurrence TIMESTAMP NOT NULL,
    -- queued (job_id set), caught_up (queued late, after downtime), skipped (an older missed
    -- occurrence covered by a later one), baseline (the last one before the schedule was first
    -- seen: not run)
    outcome TEXT NOT NULL,
    job_id TEXT REFERENCES jobs(id),
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (schedule, occurrence)
);

-- Report jobs now run on the queue: the report row names its job.
ALTER TABLE report_jobs ADD COLUMN job_id TEXT REFERENCES jobs(id);

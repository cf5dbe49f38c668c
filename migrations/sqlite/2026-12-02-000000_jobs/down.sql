ALTER TABLE report_jobs DROP COLUMN job_id;
DROP TABLE schedule_runs;
DROP TABLE jobs;

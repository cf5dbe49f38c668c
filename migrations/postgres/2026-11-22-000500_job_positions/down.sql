ALTER TABLE people DROP COLUMN position_id;
DROP TABLE job_positions;

ALTER TABLE reviews DROP COLUMN record_due_on;

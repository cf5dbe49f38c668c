DROP TRIGGER people_no_delete;
DROP TRIGGER dossiers_no_delete;
DROP TABLE transfers;
ALTER TABLE people DROP COLUMN service_status;

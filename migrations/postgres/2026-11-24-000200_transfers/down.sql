DROP TRIGGER people_no_delete ON people;
DROP TRIGGER dossiers_no_truncate ON dossiers;
DROP TRIGGER dossiers_no_delete ON dossiers;
DROP FUNCTION kept_permanently();
DROP TABLE transfers;
ALTER TABLE people DROP COLUMN service_status;

DROP INDEX dossiers_national_dossier_code;
DROP INDEX dossiers_national_identifier;
ALTER TABLE dossiers DROP COLUMN national_dossier_code;
DROP TABLE unit_requests;
DROP TABLE person_categories;
DROP TABLE recruitments;

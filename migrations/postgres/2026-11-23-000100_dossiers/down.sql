DROP TABLE dossier_drafts;
DROP TABLE dossier_versions;
DROP FUNCTION dossier_versions_append_only() CASCADE;
DROP TABLE dossiers;

DROP TABLE dossier_drafts;
DROP TABLE dossier_versions;
DROP TABLE dossiers;

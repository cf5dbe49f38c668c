DROP TABLE dossier_attachments;

DROP TABLE saved_searches;
DROP TABLE dossier_facts;

DROP INDEX dossiers_sort_name;
ALTER TABLE dossiers DROP COLUMN sort_name;

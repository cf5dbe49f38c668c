ALTER TABLE catalog_entries DROP COLUMN local_code;
ALTER TABLE catalog_entries DROP COLUMN source;

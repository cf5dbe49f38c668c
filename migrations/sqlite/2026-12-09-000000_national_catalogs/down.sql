UPDATE catalog_entries SET origin = 'local' WHERE origin = 'national';
ALTER TABLE catalogs DROP COLUMN national_version;
DROP TABLE national_catalog_updates;

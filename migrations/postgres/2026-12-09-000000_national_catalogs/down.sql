ALTER TABLE catalog_entries DROP CONSTRAINT catalog_entries_origin_check;
UPDATE catalog_entries SET origin = 'local' WHERE origin = 'national';
ALTER TABLE catalog_entries ADD CONSTRAINT catalog_entries_origin_check
    CHECK (origin IN ('shipped', 'local'));
ALTER TABLE catalogs DROP COLUMN national_version;
DROP TABLE national_catalog_updates;

DROP TABLE catalog_entries;
DROP TABLE catalogs;

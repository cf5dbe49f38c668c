DROP TABLE unit_quotas;
ALTER TABLE people DROP COLUMN category;

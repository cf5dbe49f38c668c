ALTER TABLE accounts DROP COLUMN read_only_since;

ALTER TABLE units DROP COLUMN ended_on;
DROP TABLE unit_lineage;
DROP TABLE unit_versions;
DROP TABLE unit_events;

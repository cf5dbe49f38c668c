ALTER TABLE people DROP COLUMN search_name;

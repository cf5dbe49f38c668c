-- Issue #23: lists sort by name as Vietnamese lists do — the given name first, then the family
-- and middle names, letters in the Vietnamese alphabet (`hoso_domain::text::sort_key`, ASCII
-- only so both databases order it alike). Rows made before are filled in at start.
ALTER TABLE dossiers ADD COLUMN sort_name TEXT NOT NULL DEFAULT '';
CREATE INDEX dossiers_sort_name ON dossiers(sort_name, id);

-- Issue #24: each catalogue entry names its own legal source (document and article) where it is
-- not the catalogue's, and says whether its code was made by hoso for want of a national one.
ALTER TABLE catalog_entries ADD COLUMN source TEXT;
ALTER TABLE catalog_entries ADD COLUMN local_code BOOLEAN NOT NULL DEFAULT FALSE;

-- Issue #24: people pickers search the server by part of a name, typed with or without tone
-- marks; the folded name (lower case, no diacritics) is kept beside the name. Rows made before
-- are filled in by the server at start (`people::backfill_search_names`), which folds in Rust.
ALTER TABLE people ADD COLUMN search_name TEXT NOT NULL DEFAULT '';

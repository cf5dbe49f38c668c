-- SQLite defers any foreign key within a transaction (PRAGMA defer_foreign_keys): nothing to do.
-- The directory exists so that both backends have the same migrations.
SELECT 1;

-- A restore loads tables in any order and checks foreign keys at its commit (SET CONSTRAINTS
-- ALL DEFERRED), which PostgreSQL allows only for deferrable constraints. Nothing else changes:
-- they stay checked per statement unless a transaction defers them. A migration adding a
-- foreign key declares it DEFERRABLE (a test checks every one). `hoso_store::backup` runs this
-- file too, on a restore target brought only to an older archive's schema.
DO $$
DECLARE fk RECORD;
BEGIN
    FOR fk IN
        SELECT c.conname, c.conrelid::regclass AS tbl FROM pg_constraint c
        JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()
    LOOP
        EXECUTE format('ALTER TABLE %s ALTER CONSTRAINT %I DEFERRABLE INITIALLY IMMEDIATE', fk.tbl, fk.conname);
    END LOOP;
END $$;

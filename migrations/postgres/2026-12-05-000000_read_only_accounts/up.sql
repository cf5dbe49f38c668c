-- SEC-3 "always" (issue #19, defect 14): a person whose service ended keeps a read-only personal
-- account — their dossier and who handled it — instead of losing it. Set from the day the service
-- ended; the account stays active for sign-in and changes nothing.
ALTER TABLE accounts ADD COLUMN read_only_since DATE;

-- WF-4 (issue #19, defect 15): a change is recorded within the profile's working days of the
-- event it records. The due day is fixed when the change request is filed, under the rules in
-- force then, so a later change of profile does not rewrite whether it was late.
ALTER TABLE reviews ADD COLUMN record_due_on DATE;

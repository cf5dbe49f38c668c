DROP TABLE audit_event_people;

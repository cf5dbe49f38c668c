-- Issue #19, defect 13 (CTX-3, SEC-7): an export of a search or a list, a workbook of dossiers,
-- carries many people; each of them sees it in "Ai đã xem hồ sơ của tôi". One row per person
-- of the event, keyed by person for that reading.
CREATE TABLE audit_event_people (
    person_id TEXT NOT NULL,
    event_id BIGINT NOT NULL REFERENCES audit_events (id) ON DELETE CASCADE,
    PRIMARY KEY (person_id, event_id)
);
CREATE INDEX audit_event_people_event ON audit_event_people (event_id);

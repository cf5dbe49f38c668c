ALTER TABLE audit_events DROP COLUMN decision_document_id;
DROP TABLE documents;

DROP TABLE audit_events;
DROP TABLE account_requests;
DROP TABLE api_clients;
DROP TABLE refresh_tokens;
DROP TABLE accounts;
DROP TABLE people;
DROP TABLE units;
DROP FUNCTION audit_events_append_only();

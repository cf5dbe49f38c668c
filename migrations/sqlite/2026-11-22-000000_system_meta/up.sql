-- Facts about this deployment itself (for example whether it holds demo data).
CREATE TABLE system_meta (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

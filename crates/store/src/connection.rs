//! One connection type over both backends, and the URL that chooses between them.

use std::fmt;
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, SqliteConnection};

use crate::error::StoreError;

/// A connection to either backend. Queries written against the portable schema run on both;
/// where SQL must differ, code matches on the variant.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

impl DbConnection {
    /// Refreshes the planner's statistics of every table. A bulk load calls it as it goes:
    /// without statistics (autovacuum off, or not yet run) PostgreSQL may keep a plan chosen on
    /// an empty table and scan an index prefix for what the primary key finds at once.
    pub fn refresh_statistics(&mut self) -> Result<(), StoreError> {
        use diesel::connection::SimpleConnection;
        Ok(self.batch_execute("ANALYZE")?)
    }

    /// A transaction that reads and then writes. On SQLite it takes the write lock with its
    /// first statement (as `BEGIN IMMEDIATE` would): a deferred transaction whose snapshot another
    /// writer has overtaken fails with "database is locked" at its first write instead of waiting.
    pub fn write_transaction<T, E, F>(&mut self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        self.transaction(|conn| {
            if let DbConnection::Sqlite(_) = conn {
                use diesel::connection::SimpleConnection;
                // A write statement that changes nothing still takes the write lock.
                conn.batch_execute("UPDATE system_meta SET value = value WHERE 0")?;
            }
            work(conn)
        })
    }

    /// Runs an insert in a savepoint of its own: `false`, with nothing changed and the caller's
    /// transaction still usable, when another writer inserted the same key first (two
    /// processes, or two workers of one, making a value that should exist once).
    pub fn insert_unless_taken<F>(&mut self, insert: F) -> diesel::QueryResult<bool>
    where
        F: FnOnce(&mut Self) -> diesel::QueryResult<usize>,
    {
        use diesel::result::{DatabaseErrorKind, Error};
        match self.transaction(insert) {
            Ok(_) => Ok(true),
            Err(Error::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => Ok(false),
            Err(other) => Err(other),
        }
    }

    /// In a transaction that a later, durable commit completes (a resumable import's batch: its
    /// rows and its marks commit together, and the job's finish flushes everything before it),
    /// commit without waiting for the disk. A crash loses at most the last batches, which the
    /// resumed job writes again; nothing is ever half written.
    pub fn commit_without_waiting_for_disk(&mut self) -> diesel::QueryResult<()> {
        if let DbConnection::Postgres(c) = self {
            use diesel::connection::SimpleConnection;
            c.batch_execute("SET LOCAL synchronous_commit = off")?;
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbConnection::Postgres(_) => Backend::Postgres,
            DbConnection::Sqlite(_) => Backend::Sqlite,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

impl fmt::Display for Backend {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parsed database URL: `sqlite://<path>` (relative or, with a third slash, absolute) or
/// `postgres://…` / `postgresql://…`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, StoreError> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() || path.contains(":memory:") {
                return Err(StoreError::InvalidUrl(format!(
                    "'{url}' names no database file; write sqlite://data/hoso.db or sqlite:///absolute/path.db"
                )));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(url.to_owned()));
        }
        Err(StoreError::InvalidUrl(format!(
            "'{}' is neither sqlite://… nor postgres://…",
            redact(url)
        )))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite file, when this is a SQLite URL.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match self {
            DatabaseUrl::Sqlite(path) => Some(path),
            DatabaseUrl::Postgres(_) => None,
        }
    }

    /// Opens one connection, without the pool. SQLite connections get their pragmas here so
    /// that every path into the database behaves the same.
    pub fn connect(&self, sqlite_busy_timeout_ms: u32) -> Result<DbConnection, StoreError> {
        match self {
            DatabaseUrl::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())
                    .map_err(|e| StoreError::Connection(format!("{}: {e}", path.display())))?;
                crate::pool::apply_sqlite_pragmas(&mut conn, sqlite_busy_timeout_ms)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = PgConnection::establish(url)
                    .map_err(|e| StoreError::Connection(format!("{}: {e}", redact(url))))?;
                // diesel keeps statements prepared; a generic plan made while a table was small
                // (a scan) stays for the connection's life and made a bulk import quadratic.
                // Plans made for each execution's values keep using the indexes.
                conn.batch_execute("SET plan_cache_mode = force_custom_plan")
                    .map_err(|e| StoreError::Connection(format!("cannot configure PostgreSQL: {e}")))?;
                Ok(DbConnection::Postgres(conn))
            }
        }
    }
}

/// Shown in logs and errors: never the password.
impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Replaces the password of `scheme://user:password@host` with `***`.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((credentials, host)) => match credentials.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_a_file() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/hoso.db").unwrap(),
            DatabaseUrl::Sqlite("data/hoso.db".into())
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/hoso.db").unwrap(),
            DatabaseUrl::Sqlite("/var/lib/hoso.db".into())
        );
        assert!(DatabaseUrl::parse("sqlite://").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
    }

    #[test]
    fn postgres_urls_select_postgres() {
        for url in ["postgres://u@h/db", "postgresql://u@h/db"] {
            assert_eq!(DatabaseUrl::parse(url).unwrap().backend(), Backend::Postgres);
        }
    }

    #[test]
    fn other_schemes_are_refused_without_leaking_the_password() {
        let error = DatabaseUrl::parse("mysql://root:secret@h/db")
            .unwrap_err()
            .to_string();
        assert!(error.contains("mysql://root:***@h/db"), "{error}");
        assert!(!error.contains("secret"));
    }

    #[test]
    fn display_hides_the_password() {
        let url = DatabaseUrl::parse("postgres://hoso:secret@db:5432/hoso").unwrap();
        assert_eq!(url.to_string(), "postgres://hoso:***@db:5432/hoso");
    }
}

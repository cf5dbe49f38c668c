//! Embedded migrations, run when the server starts. On PostgreSQL they run under an advisory
//! lock so that two instances starting together never migrate at once; SQLite serialises
//! writers by itself.

use diesel::connection::SimpleConnection;
use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel::sqlite::Sqlite;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::connection::{Backend, DbConnection};
use crate::error::{StoreError, StoreResult};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/sqlite");
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations/postgres");

/// Key of the PostgreSQL advisory lock held while migrating ("hoso" in ASCII).
const MIGRATION_LOCK_KEY: i64 = 0x686f_736f;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationStatus {
    pub applied: usize,
    pub pending: usize,
}

/// Applies every pending migration and returns the versions it applied, oldest first.
pub fn run_pending(conn: &mut DbConnection) -> StoreResult<Vec<String>> {
    match conn {
        DbConnection::Sqlite(c) => versions(c.run_pending_migrations(SQLITE_MIGRATIONS)),
        DbConnection::Postgres(c) => {
            with_migration_lock(c, |c| versions(c.run_pending_migrations(POSTGRES_MIGRATIONS)))
        }
    }
}

/// Applies the pending migrations whose version is `version` or older, oldest first: a restore
/// loads an archive into the schema it was made with, then migrates the rest.
pub fn run_up_to(conn: &mut DbConnection, version: &str) -> StoreResult<Vec<String>> {
    fn run<DB, C>(c: &mut C, source: EmbeddedMigrations, version: &str) -> StoreResult<Vec<String>>
    where
        DB: diesel::backend::Backend,
        C: MigrationHarness<DB>,
        EmbeddedMigrations: MigrationSource<DB>,
    {
        let mut applied = Vec::new();
        for migration in c.pending_migrations(source).map_err(migration_error)? {
            let this = migration.name().version().to_string();
            if this.as_str() > version {
                break;
            }
            c.run_migration(&*migration).map_err(migration_error)?;
            applied.push(this);
        }
        Ok(applied)
    }
    match conn {
        DbConnection::Sqlite(c) => run(c, SQLITE_MIGRATIONS, version),
        DbConnection::Postgres(c) => with_migration_lock(c, |c| run(c, POSTGRES_MIGRATIONS, version)),
    }
}

/// Reverts applied migrations newer than `version`, newest first. For tests (a database of an
/// older schema, holding data) and for operators who know why.
pub fn revert_after(conn: &mut DbConnection, version: &str) -> StoreResult<Vec<String>> {
    fn revert<DB, C>(c: &mut C, source: fn() -> EmbeddedMigrations, version: &str) -> StoreResult<Vec<String>>
    where
        DB: diesel::backend::Backend,
        C: MigrationHarness<DB>,
        EmbeddedMigrations: MigrationSource<DB>,
    {
        let mut reverted = Vec::new();
        loop {
            let mut applied: Vec<String> = c
                .applied_migrations()
                .map_err(migration_error)?
                .iter()
                .map(ToString::to_string)
                .collect();
            applied.sort();
            match applied.last() {
                Some(newest) if newest.as_str() > version => {
                    reverted.push(
                        c.revert_last_migration(source())
                            .map_err(migration_error)?
                            .to_string(),
                    );
                }
                _ => return Ok(reverted),
            }
        }
    }
    match conn {
        DbConnection::Sqlite(c) => revert(c, || SQLITE_MIGRATIONS, version),
        DbConnection::Postgres(c) => with_migration_lock(c, |c| revert(c, || POSTGRES_MIGRATIONS, version)),
    }
}

/// The versions of the migrations this build knows, oldest first (the same on both backends).
pub fn known_versions() -> StoreResult<Vec<String>> {
    Ok(MigrationSource::<Sqlite>::migrations(&SQLITE_MIGRATIONS)
        .map_err(migration_error)?
        .iter()
        .map(|m| m.name().version().to_string())
        .collect())
}

/// Reverts every applied migration, newest first. For tests and for operators who know why.
pub fn revert_all(conn: &mut DbConnection) -> StoreResult<Vec<String>> {
    match conn {
        DbConnection::Sqlite(c) => versions(c.revert_all_migrations(SQLITE_MIGRATIONS)),
        DbConnection::Postgres(c) => {
            with_migration_lock(c, |c| versions(c.revert_all_migrations(POSTGRES_MIGRATIONS)))
        }
    }
}

/// What the database holds once brought up to date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// Migrations applied now, oldest first.
    pub migrations: Vec<String>,
    /// Shipped catalogues loaded now (new or newer versions).
    pub catalogs: Vec<String>,
}

/// What every command that uses the database does first: pending migrations, then the shipped
/// catalogues. On PostgreSQL both run under the migration lock, so instances starting together
/// neither migrate nor load a catalogue twice.
pub fn prepare(conn: &mut DbConnection) -> StoreResult<Prepared> {
    fn work(conn: &mut DbConnection) -> StoreResult<Prepared> {
        let migrations = match conn {
            DbConnection::Sqlite(c) => versions(c.run_pending_migrations(SQLITE_MIGRATIONS))?,
            DbConnection::Postgres(c) => versions(c.run_pending_migrations(POSTGRES_MIGRATIONS))?,
        };
        let catalogs = crate::catalogs::sync_shipped(conn, hoso_domain::catalog::shipped())?;
        crate::search::backfill(conn)?;
        crate::people::backfill_search_names(conn)?;
        crate::dossiers::backfill_sort_names(conn)?;
        Ok(Prepared { migrations, catalogs })
    }
    match conn.backend() {
        Backend::Sqlite => work(conn),
        Backend::Postgres => with_migration_lock(conn, work),
    }
}

pub fn status(conn: &mut DbConnection) -> StoreResult<MigrationStatus> {
    let (applied, pending) = match conn {
        DbConnection::Sqlite(c) => (
            c.applied_migrations().map_err(migration_error)?.len(),
            c.pending_migrations(SQLITE_MIGRATIONS)
                .map_err(migration_error)?
                .len(),
        ),
        DbConnection::Postgres(c) => (
            c.applied_migrations().map_err(migration_error)?.len(),
            c.pending_migrations(POSTGRES_MIGRATIONS)
                .map_err(migration_error)?
                .len(),
        ),
    };
    Ok(MigrationStatus { applied, pending })
}

/// The directory names of the migrations embedded for a backend, oldest first.
pub fn names(backend: Backend) -> StoreResult<Vec<String>> {
    let names = match backend {
        Backend::Sqlite => MigrationSource::<Sqlite>::migrations(&SQLITE_MIGRATIONS)
            .map_err(migration_error)?
            .iter()
            .map(|m| m.name().to_string())
            .collect(),
        Backend::Postgres => MigrationSource::<Pg>::migrations(&POSTGRES_MIGRATIONS)
            .map_err(migration_error)?
            .iter()
            .map(|m| m.name().to_string())
            .collect(),
    };
    Ok(names)
}

/// Runs `work` holding PostgreSQL's session-level advisory lock for migrations.
fn with_migration_lock<C: SimpleConnection, T>(
    conn: &mut C,
    work: impl FnOnce(&mut C) -> StoreResult<T>,
) -> StoreResult<T> {
    conn.batch_execute(&format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))?;
    let result = work(conn);
    // Unlock even when the work failed; the session-level lock would otherwise outlive it.
    let unlocked = conn.batch_execute(&format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"));
    let value = result?;
    unlocked?;
    Ok(value)
}

fn versions<V: std::fmt::Display>(
    result: Result<Vec<V>, Box<dyn std::error::Error + Send + Sync>>,
) -> StoreResult<Vec<String>> {
    result
        .map(|applied| applied.iter().map(ToString::to_string).collect())
        .map_err(migration_error)
}

fn migration_error(error: Box<dyn std::error::Error + Send + Sync>) -> StoreError {
    StoreError::Migration(error.to_string())
}

//! Throw-away databases for tests, on both backends.
//!
//! SQLite is always tested. PostgreSQL is tested when `HOSO_TEST_DATABASE_URL` names a server
//! (a database on it whose user may create databases); under `CI=true` it must be set, so that
//! nothing is skipped silently. Each test gets its own database, copied from a template that was
//! migrated once, so tests are isolated and migrating does not dominate the run.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl};
use tempfile::TempDir;

use crate::connection::{Backend, DatabaseUrl, DbConnection};
use crate::migrations;
use crate::pool::{self, DbPool, PoolOptions};

pub const TEST_DATABASE_URL_VAR: &str = "HOSO_TEST_DATABASE_URL";

/// The backends this test run covers.
pub fn backends() -> Vec<Backend> {
    let mut backends = vec![Backend::Sqlite];
    if postgres_admin_url().is_some() {
        backends.push(Backend::Postgres);
    } else if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but {TEST_DATABASE_URL_VAR} is not set: the PostgreSQL tests would be skipped");
    }
    backends
}

fn postgres_admin_url() -> Option<String> {
    std::env::var(TEST_DATABASE_URL_VAR)
        .ok()
        .filter(|v| !v.is_empty())
}

/// A database that exists for one test and is removed after it.
pub struct TestDatabase {
    url: DatabaseUrl,
    _dir: Option<TempDir>,
    postgres_name: Option<String>,
}

impl TestDatabase {
    /// A database with every migration applied and the shipped catalogues loaded.
    pub fn migrated(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let path = dir.path().join("hoso.db");
                std::fs::copy(sqlite_template(), &path).expect("copy the SQLite template");
                Self::sqlite(dir, path)
            }
            Backend::Postgres => Self::postgres(Some(postgres_template())),
        }
    }

    /// A database with no tables at all.
    pub fn empty(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let path = dir.path().join("hoso.db");
                Self::sqlite(dir, path)
            }
            Backend::Postgres => Self::postgres(None),
        }
    }

    pub fn backend(&self) -> Backend {
        self.url.backend()
    }

    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// The URL as a person would write it in the configuration.
    pub fn url_string(&self) -> String {
        match &self.url {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => url.clone(),
        }
    }

    pub fn connect(&self) -> DbConnection {
        self.url.connect(5_000).expect("connect to the test database")
    }

    pub fn pool(&self) -> DbPool {
        pool::connect(&self.url, &PoolOptions::default()).expect("pool for the test database")
    }

    fn sqlite(dir: TempDir, path: PathBuf) -> Self {
        Self {
            url: DatabaseUrl::Sqlite(path),
            _dir: Some(dir),
            postgres_name: None,
        }
    }

    fn postgres(template: Option<&str>) -> Self {
        let admin_url = postgres_admin_url().expect("HOSO_TEST_DATABASE_URL");
        let name = format!("hoso_test_{}", uuid::Uuid::new_v4().simple());
        let template = template.map(|t| format!(" TEMPLATE {t}")).unwrap_or_default();
        admin_connection(&admin_url)
            .batch_execute(&format!("CREATE DATABASE {name}{template}"))
            .expect("create a PostgreSQL test database");
        Self {
            url: DatabaseUrl::Postgres(with_database(&admin_url, &name)),
            _dir: None,
            postgres_name: Some(name),
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let (Some(name), Some(admin_url)) = (&self.postgres_name, postgres_admin_url()) {
            // FORCE ends connections a pool still holds; a failure only leaves a stray database.
            let _ = admin_connection(&admin_url)
                .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
        }
    }
}

fn admin_connection(url: &str) -> PgConnection {
    PgConnection::establish(url).unwrap_or_else(|e| panic!("connect to {TEST_DATABASE_URL_VAR}: {e}"))
}

/// A migrated SQLite file, made once per test process and copied by each test.
fn sqlite_template() -> &'static Path {
    static TEMPLATE: OnceLock<PathBuf> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temporary directory").keep();
        let path = dir.join("template.db");
        let url = DatabaseUrl::Sqlite(path.clone());
        let mut conn = url.connect(5_000).expect("open the SQLite template");
        migrations::prepare(&mut conn).expect("migrate the SQLite template");
        // Fold the write-ahead log into the file so that a plain copy is complete.
        if let DbConnection::Sqlite(c) = &mut conn {
            c.batch_execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
                .expect("checkpoint the SQLite template");
        }
        path
    })
}

/// A migrated PostgreSQL database named after the migrations it holds, made once per server
/// (under an advisory lock, since several test processes may ask at once).
fn postgres_template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let admin_url = postgres_admin_url().expect("HOSO_TEST_DATABASE_URL");
        let name = format!("hoso_template_{:016x}", migrations_fingerprint());
        let mut admin = admin_connection(&admin_url);
        admin
            .batch_execute("SELECT pg_advisory_lock(7312)")
            .expect("lock for the template");
        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            count: i64,
        }
        let existing: Count = diesel::sql_query(format!(
            "SELECT count(*) AS count FROM pg_database WHERE datname = '{name}'"
        ))
        .get_result(&mut admin)
        .expect("look for the template");
        if existing.count == 0 {
            let building = format!("{name}_building");
            // One statement per call: PostgreSQL runs a multi-statement string as one
            // transaction, and CREATE/DROP DATABASE refuse to run inside one.
            admin
                .batch_execute(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
                .expect("drop a half-built template");
            admin
                .batch_execute(&format!("CREATE DATABASE {building}"))
                .expect("create the template");
            {
                let url = DatabaseUrl::Postgres(with_database(&admin_url, &building));
                let mut conn = url.connect(5_000).expect("connect to the template");
                migrations::prepare(&mut conn).expect("migrate the template");
            }
            admin
                .batch_execute(&format!("ALTER DATABASE {building} RENAME TO {name}"))
                .expect("name the template");
        }
        admin
            .batch_execute("SELECT pg_advisory_unlock(7312)")
            .expect("unlock the template");
        name
    })
}

/// Changes whenever a PostgreSQL migration file or a shipped catalogue changes, so a stale template
/// is never reused.
fn migrations_fingerprint() -> u64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../migrations/postgres");
    let mut files: Vec<PathBuf> = walk(&root);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        file.strip_prefix(&root).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    // The template holds the shipped catalogues too.
    for text in hoso_domain::catalog::shipped_texts() {
        text.hash(&mut hasher);
    }
    hasher.finish()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            let path = entry.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

/// `postgres://u@h:5432/test?x=y` with the database `name` instead of `test`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let without_db = match base[authority_start..].find('/') {
        Some(slash) => &base[..authority_start + slash],
        None => base,
    };
    format!("{without_db}/{name}{query}")
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://u@h:5432/test", "x"),
            "postgres://u@h:5432/x"
        );
        assert_eq!(
            with_database("postgres://u@h/test?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(with_database("postgres://u@h", "x"), "postgres://u@h/x");
    }
}

//! The connection pool. Our own r2d2 manager opens connections through [`DatabaseUrl::connect`]
//! so the backend is chosen by the URL's scheme, never by trial (diesel's generic manager would
//! try PostgreSQL first and could fall back to creating a SQLite file named after a bad URL).

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ManageConnection, Pool, R2D2Connection};
use diesel::SqliteConnection;

use crate::connection::{DatabaseUrl, DbConnection};
use crate::error::{StoreError, StoreResult};

pub type DbPool = Pool<ConnectionManager>;
pub type PooledConnection = diesel::r2d2::PooledConnection<ConnectionManager>;

#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub max_size: u32,
    /// How long a request waits for a free connection before it is refused as unavailable.
    pub checkout_timeout: Duration,
    pub sqlite_busy_timeout_ms: u32,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self {
            max_size: 8,
            checkout_timeout: Duration::from_secs(10),
            sqlite_busy_timeout_ms: 5_000,
        }
    }
}

/// Opens one connection first, so that a wrong URL fails at once with its real cause instead
/// of after the pool's timeout, then builds the pool around it.
pub fn connect(url: &DatabaseUrl, options: &PoolOptions) -> StoreResult<DbPool> {
    let probe = url.connect(options.sqlite_busy_timeout_ms)?;
    drop(probe);
    let manager = ConnectionManager {
        url: url.clone(),
        sqlite_busy_timeout_ms: options.sqlite_busy_timeout_ms,
    };
    Ok(Pool::builder()
        .max_size(options.max_size)
        .min_idle(Some(1))
        .connection_timeout(options.checkout_timeout)
        .test_on_check_out(false)
        .build_unchecked(manager))
}

#[derive(Debug)]
pub struct ConnectionManager {
    url: DatabaseUrl,
    sqlite_busy_timeout_ms: u32,
}

impl ManageConnection for ConnectionManager {
    type Connection = DbConnection;
    type Error = StoreError;

    fn connect(&self) -> Result<DbConnection, StoreError> {
        self.url.connect(self.sqlite_busy_timeout_ms)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), StoreError> {
        conn.ping().map_err(StoreError::from)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

/// WAL lets readers proceed while one writer writes; the busy timeout makes a second writer
/// wait instead of failing with "database is locked"; foreign keys are off by default in SQLite
/// and must be set outside any transaction, hence here, once per connection.
pub(crate) fn apply_sqlite_pragmas(conn: &mut SqliteConnection, busy_timeout_ms: u32) -> StoreResult<()> {
    conn.batch_execute(&format!(
        "PRAGMA busy_timeout = {busy_timeout_ms};
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;"
    ))
    .map_err(|e| StoreError::Connection(format!("cannot configure SQLite: {e}")))
}

//! What each `hoso` subcommand does.

pub mod create_admin;
pub mod migrate;
pub mod openapi;
pub mod seed_demo;
pub mod serve;

use anyhow::Context;
use hoso_store::{migrations, DbPool};

use crate::config::Config;

/// Connects to the configured database and applies pending migrations (logged), as every
/// command that uses the database does first.
pub(crate) fn open_database(config: &Config) -> anyhow::Result<DbPool> {
    let pool = hoso_store::pool::connect(&config.database, &config.pool)
        .context("HOSO_DATABASE_URL (--database-url)")?;
    let mut conn = pool.get().context("no database connection")?;
    let applied = migrations::run_pending(&mut conn).context("migrating the database")?;
    for version in &applied {
        tracing::info!(version, "migration applied");
    }
    Ok(pool)
}

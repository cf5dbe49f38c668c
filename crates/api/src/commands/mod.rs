//! What each `hoso` subcommand does.

pub mod create_admin;
pub mod import_catalog;
pub mod init;
pub mod migrate;
pub mod openapi;
pub mod seed_demo;
pub mod serve;
pub mod verify;

use anyhow::Context;
use hoso_store::{migrations, DbPool};

use crate::config::Config;

/// Connects to the configured database, applies pending migrations and loads newer shipped
/// catalogues (logged), as every
/// command that uses the database does first.
pub(crate) fn open_database(config: &Config) -> anyhow::Result<DbPool> {
    let pool = hoso_store::pool::connect(&config.database, &config.pool)
        .context("HOSO_DATABASE_URL (--database-url)")?;
    let mut conn = pool.get().context("no database connection")?;
    let prepared = migrations::prepare(&mut conn).context("migrating the database")?;
    for version in &prepared.migrations {
        tracing::info!(version, "migration applied");
    }
    for kind in &prepared.catalogs {
        tracing::info!(kind, "catalogue loaded");
    }
    Ok(pool)
}

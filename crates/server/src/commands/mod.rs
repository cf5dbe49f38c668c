//! What each `hoso` subcommand does.

pub mod backup;
pub mod create_admin;
pub mod import_catalog;
pub mod init;
pub mod migrate;
pub mod openapi;
pub mod seed_demo;
pub mod serve;
pub mod verify;
pub mod worker;

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

/// The application layer's services over the configured database and document store.
pub(crate) fn application(config: &Config, pool: DbPool) -> std::sync::Arc<hoso_app::App> {
    std::sync::Arc::new(hoso_app::App {
        pool,
        backend: config.database.backend(),
        province_name: config.province_name.clone(),
        blobs: hoso_app::sealed_blobs::in_directory(config.data_dir.join("documents"), &config.data_keys),
        max_upload_bytes: config.max_upload_bytes,
        max_import_bytes: config.max_import_bytes,
        data_keys: config.data_keys.clone(),
        trusted_roots: config.trusted_roots.clone(),
        auth: hoso_app::tokens::AuthConfig {
            jwt: hoso_app::tokens::JwtKeys::new(&config.jwt_secret),
            access_ttl: config.access_ttl,
            refresh_ttl: config.refresh_ttl,
            slow_down_failures: true,
        },
        clock: hoso_app::clock::Clock::system(),
        backups: config.backups.clone(),
        national: config.national.clone(),
        mail: config.mail.clone(),
        jobs: Default::default(),
    })
}

use anyhow::Context;
use hoso_store::migrations;

use crate::config::Settings;
use crate::telemetry;

pub fn run(settings: &Settings, status_only: bool) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let mut conn = config
        .database
        .connect(config.pool.sqlite_busy_timeout_ms)
        .context("HOSO_DATABASE_URL (--database-url)")?;
    if !status_only {
        let prepared = migrations::prepare(&mut conn)?;
        for version in &prepared.migrations {
            println!("applied {version}");
        }
        for kind in &prepared.catalogs {
            println!("loaded catalogue {kind}");
        }
    }
    let status = migrations::status(&mut conn)?;
    println!(
        "{}: {} migrations applied, {} pending",
        config.database, status.applied, status.pending
    );
    Ok(())
}

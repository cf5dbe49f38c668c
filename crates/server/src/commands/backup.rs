//! `hoso backup` (one backup now, verified) and `hoso restore ARCHIVE` (SEC-5), thin callers of
//! `hoso_app::backups`.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use hoso_app::backups::{self, RestoreOptions};
use hoso_app::jobs::QueuedBy;
use hoso_domain::backup::BackupKind;
use hoso_store::DatabaseUrl;

use crate::config::Settings;
use crate::telemetry;

fn say(error: hoso_app::AppError) -> anyhow::Error {
    match error {
        hoso_app::AppError::Conflict { code, message } => anyhow!("{message} [{code}]"),
        other => anyhow!("{other}"),
    }
}

pub fn run_backup(settings: &Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let app = super::application(&config, pool);
    let mut conn = app
        .pool
        .get()
        .map_err(|e| anyhow!("no database connection: {e}"))?;
    let row = backups::make_backup(&app, &mut conn, BackupKind::OnDemand, &QueuedBy::system(), None)
        .map_err(say)?;
    println!(
        "verified {}/{} ({} bytes, {} rows, {} documents)",
        row.location.trim_end_matches('/'),
        row.file_name,
        row.size_bytes.unwrap_or(0),
        row.rows_total.unwrap_or(0),
        row.documents.unwrap_or(0)
    );
    Ok(())
}

pub fn run_restore(
    settings: &Settings,
    archive: &str,
    identity: Option<&Path>,
    into: Option<&str>,
    dry_run: bool,
    replace: bool,
) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let target = match into {
        Some(url) => DatabaseUrl::parse(url).map_err(|e| anyhow!("--into: {e}"))?,
        None => config.database.clone(),
    };
    // An archive in an object store is fetched into the scratch directory first.
    let (_fetched, archive) = if archive.starts_with("s3://") {
        let (holder, path) =
            backups::target::fetch_url(archive, &config.backups.s3, &config.backups.scratch).map_err(say)?;
        (Some(holder), path)
    } else {
        (None, PathBuf::from(archive))
    };
    if !archive.is_file() {
        bail!("'{}' is not a file", archive.display());
    }
    let identities = match identity {
        Some(path) => backups::keys::read_identities(path).map_err(|e| anyhow!("--identity {e}"))?,
        None => backups::keys::own(&config.backups),
    };
    let pool =
        hoso_store::pool::connect(&target, &config.pool).map_err(|e| anyhow!("--into {target}: {e}"))?;
    let app = super::application(&config, pool);
    let report = backups::restore_backup(
        &app,
        RestoreOptions {
            archive: archive.to_path_buf(),
            identities,
            into: target.clone(),
            dry_run,
            replace,
            restored_by: std::env::var("USER")
                .map(|u| format!("hoso restore ({u})"))
                .unwrap_or_else(|_| "hoso restore".into()),
        },
    )
    .map_err(say)?;
    let v = &report.verification;
    println!(
        "verified: {} tables, {} rows, {} documents, {} signatures ({:.1} s); made {} on {} by {}",
        v.tables,
        v.rows,
        v.documents,
        v.signatures_checked,
        v.seconds,
        report.header.made_at,
        report.header.backend,
        report.header.made_by
    );
    if !report.header.data_key_ids.is_empty() {
        println!(
            "sealed fields need the data keys: {}",
            report.header.data_key_ids.join(", ")
        );
    }
    if report.restored {
        println!("restored into {target}");
    } else {
        println!("dry run: nothing was written");
    }
    Ok(())
}

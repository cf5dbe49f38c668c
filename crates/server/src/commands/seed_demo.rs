//! The demo province, loaded into the configured database so a newcomer sees a living system:
//! a small organisation tree, a few people, and an account of every kind (ACC-1), all with the
//! password [`DEMO_PASSWORD`]. Idempotent: once loaded, running it again changes nothing.
//! Each capability adds its own demo records here as it lands.

use hoso_app::passwords;
use hoso_app::seed::{load, load_bulk, load_people, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SEED};
use hoso_store::meta;

use crate::config::Settings;
use crate::telemetry;

pub fn run(settings: &Settings, stories: bool) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    if let Some(at) = meta::get(&mut conn, meta::DEMO_DATA_KEY)? {
        println!("demo data already loaded ({at}) in {}", config.database);
        return Ok(());
    }
    let password_hash = passwords::hash(DEMO_PASSWORD);
    let people = conn.write_transaction(|conn| -> anyhow::Result<usize> {
        load(conn, &password_hash)?;
        load_people(conn, &config.data_keys, DEMO_SEED)
    })?;
    println!(
        "demo data loaded in {}: {people} people with approved dossiers",
        config.database
    );
    if stories {
        // The stories go through the application's operations, each on its own connection.
        drop(conn);
        let app = super::application(&config, pool);
        let told = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
            .block_on(hoso_app::seed::stories::load(&app))
            .map_err(|e| anyhow::anyhow!("the demo's workflow stories: {e:?}"))?;
        println!("{told} dossiers moved through the workflow by the demo accounts");
    }
    println!("demo sign-ins (password {DEMO_PASSWORD}):");
    for (username, name, kind, ..) in DEMO_ACCOUNTS {
        println!("  {username:<20} {:<11} {name}", kind.as_str());
    }
    Ok(())
}

/// `hoso seed-bulk`: generated people on top of the demo province.
pub fn run_bulk(settings: &Settings, count: usize, seed: u64, unit: Option<&str>) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    let started = std::time::Instant::now();
    let made = load_bulk(&mut conn, &config.data_keys, count, seed, unit)?;
    println!(
        "{made} people with approved dossiers added to {} in {:.0?}",
        config.database,
        started.elapsed()
    );
    Ok(())
}

/// `hoso sample-workbook`: a filled import template of generated people, written to `out`.
pub fn run_sample_workbook(count: usize, seed: u64, out: &std::path::Path) -> anyhow::Result<()> {
    let bytes = hoso_app::seed::sample_workbook(count, seed).map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::write(out, &bytes).map_err(|e| anyhow::anyhow!("{}: {e}", out.display()))?;
    println!(
        "{count} people written to {} ({} KB)",
        out.display(),
        bytes.len().div_ceil(1024)
    );
    Ok(())
}

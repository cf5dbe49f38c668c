//! The demo province, loaded into the configured database so a newcomer sees a living system.
//! Idempotent: running it twice changes nothing the second time. Each capability adds its own
//! demo records here (units, accounts, dossiers) as it lands.

use chrono::Utc;
use hoso_store::meta;

use crate::config::Settings;
use crate::telemetry;

pub fn run(settings: &Settings) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    match meta::get(&mut conn, meta::DEMO_DATA_KEY)? {
        Some(at) => println!("demo data already loaded ({at}) in {}", config.database),
        None => {
            meta::set(&mut conn, meta::DEMO_DATA_KEY, &Utc::now().to_rfc3339())?;
            println!("demo data loaded in {}", config.database);
        }
    }
    Ok(())
}

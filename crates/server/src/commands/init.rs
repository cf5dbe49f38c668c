//! `hoso init`: the first run of a real province from the command line (the SPA's first-run
//! page does the same through `POST /setup`); both call `golive::init_province`.

use anyhow::anyhow;

use crate::config::Settings;
use crate::telemetry;
use hoso_app::golive::{init_province, InitRequest};

pub fn run(settings: &Settings, province_code: &str, admin: &str, display_name: &str) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    let request = InitRequest {
        province_code: province_code.trim().to_owned(),
        admin_username: admin.trim().to_owned(),
        admin_display_name: display_name.to_owned(),
        admin_password: std::env::var("HOSO_ADMIN_PASSWORD").ok(),
    };
    let outcome = init_province(&mut conn, &request).map_err(|e| anyhow!("{}", e.message_with_fields()))?;
    if !outcome.created {
        println!(
            "{} is already set up with administrator '{}'; nothing changed",
            outcome.province.name, outcome.admin_username
        );
        return Ok(());
    }
    println!(
        "{} set up: root unit {} ({}), {} ({}), administrator '{}'",
        outcome.province.name,
        outcome.province.code,
        outcome.province.id,
        outcome.home_affairs.name,
        outcome.home_affairs.code,
        outcome.admin_username
    );
    if let Some(password) = outcome.temporary_password {
        println!("temporary password (shown once, to be changed at first sign-in): {password}");
    }
    Ok(())
}

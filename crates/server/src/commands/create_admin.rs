//! The first administrator of a new deployment (Sở Nội vụ), from the command line, since no
//! account exists yet to create one through the API.

use anyhow::bail;
use hoso_domain::password::check_new_password;
use hoso_store::accounts;
use hoso_store::audit::{self, NewAuditEvent};

use crate::config::Settings;
use crate::telemetry;
use hoso_app::passwords;

pub fn run(settings: &Settings, username: &str, display_name: &str) -> anyhow::Result<()> {
    let config = settings.resolve()?;
    telemetry::init(&config.log, config.log_json);
    let pool = super::open_database(&config)?;
    let mut conn = pool.get()?;
    if accounts::find_by_username(&mut conn, username)?.is_some() {
        bail!("an account named '{username}' already exists; choose another --username");
    }
    // A password from the environment (for automation), else a temporary one printed once.
    let (password, temporary) = match std::env::var("HOSO_ADMIN_PASSWORD") {
        Ok(password) => {
            if let Err(errors) = check_new_password("HOSO_ADMIN_PASSWORD", &password, username) {
                let reasons: Vec<String> = errors.into_vec().into_iter().map(|e| e.message).collect();
                bail!("HOSO_ADMIN_PASSWORD is too weak: {}", reasons.join(" "));
            }
            (password, false)
        }
        Err(_) => (passwords::temporary(), true),
    };
    let account = accounts::insert(
        &mut conn,
        hoso_app::golive::administrator(username, display_name, &password, temporary),
    )?;
    audit::append(
        &mut conn,
        NewAuditEvent {
            actor_type: "system".into(),
            action: "account.created".into(),
            outcome: "success".into(),
            target_type: Some("account".into()),
            target_id: Some(account.id.clone()),
            reason: Some("hoso create-admin".into()),
            ..NewAuditEvent::default()
        },
    )?;
    println!("administrator '{username}' created");
    if temporary {
        println!("temporary password (shown once, to be changed at first sign-in): {password}");
    }
    Ok(())
}

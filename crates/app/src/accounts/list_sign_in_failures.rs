use chrono::Utc;
use hoso_api_types::accounts::{AccountUnderAttack, AddressFailures, SignInFailures};
use hoso_domain::access::{check_list_accounts, manageable_kinds, AccountKind, Scope};
use hoso_store::sign_in_throttles::{self as throttles, ThrottleRow};

use crate::error::AppError;
use crate::session::Session;
use crate::views::utc;
use crate::App;

/// Failed sign-ins of the last 24 hours: the accounts the caller manages (scope and kinds, as
/// the account list) with the addresses their failures came from, and — for province-wide
/// administrators — the addresses that failed whatever the username. Requires
/// `manage_accounts`.
pub async fn list_sign_in_failures(app: &App, session: Session) -> Result<SignInFailures, AppError> {
    check_list_accounts(&session.actor)?;
    let since = Utc::now().naive_utc() - chrono::Duration::hours(24);
    let rows = app.db(move |conn| Ok(throttles::recent(conn, since)?)).await?;
    let now = Utc::now().naive_utc();
    let kinds = manageable_kinds(&session.actor);
    let prefix = session.actor.scope.prefix();
    let mut accounts: Vec<AccountUnderAttack> = Vec::new();
    let mut addresses = Vec::new();
    for row in rows {
        if throttles::is_address_key(&row.throttle.throttle_key) {
            if session.actor.scope == Scope::Province {
                addresses.push(line(&row.throttle, now));
            }
            continue;
        }
        // Unknown usernames count towards their address; they are no account to show.
        let Some(account_id) = row.throttle.account_id.clone() else {
            continue;
        };
        let kind = row.kind.as_deref().and_then(|k| k.parse::<AccountKind>().ok());
        let reachable = match (prefix, row.unit_path.as_deref()) {
            (None, _) => true,
            (Some(prefix), Some(path)) => path.starts_with(prefix),
            (Some(_), None) => false,
        };
        if !reachable || !kind.is_some_and(|k| kinds.contains(&k)) {
            continue;
        }
        let entry = match accounts.iter_mut().find(|a| a.account_id == account_id) {
            Some(entry) => entry,
            None => {
                accounts.push(AccountUnderAttack {
                    account_id,
                    username: row.username.clone().unwrap_or_default(),
                    display_name: row.display_name.clone().unwrap_or_default(),
                    failures: 0,
                    refused_addresses: 0,
                    last_failure_at: utc(row.throttle.last_failure_at),
                    from: Vec::new(),
                });
                accounts.last_mut().expect("just pushed")
            }
        };
        entry.failures += row.throttle.failures;
        entry.refused_addresses += i32::from(row.throttle.locked_at(now).is_some());
        entry.from.push(line(&row.throttle, now));
    }
    Ok(SignInFailures { accounts, addresses })
}

fn line(row: &ThrottleRow, now: chrono::NaiveDateTime) -> AddressFailures {
    AddressFailures {
        address: row.address.clone(),
        failures: row.failures,
        first_failure_at: utc(row.first_failure_at),
        last_failure_at: utc(row.last_failure_at),
        refused_until: row.locked_at(now).map(utc),
    }
}

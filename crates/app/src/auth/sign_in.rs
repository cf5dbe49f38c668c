use chrono::{NaiveDateTime, Utc};
use hoso_api_types::auth::{LoginRequest, SessionTokens};
use hoso_domain::password::{
    delay_after, FailureCount, FAILURES_BEFORE_ADDRESS_LOCK, FAILURES_BEFORE_LOCK, QUIET_RESET,
};
use hoso_store::accounts::{self, AccountRow, STATUS_ACTIVE, STATUS_LOCKED};
use hoso_store::sign_in_throttles::{self as throttles, ThrottleRow};
use hoso_store::DbConnection;
use validator::Validate;

use crate::error::AppError;
use crate::passwords;
use crate::session::RequestMeta;
use crate::App;

/// Sign in with username and password.
///
/// Answers the same `invalid_credentials` for an unknown username and a wrong password, after
/// the same work. Failures are counted per (account, client address) and per client address:
/// each delays the answer a little more; the fifth for an account from one address refuses
/// that address for the account for 15 minutes, the twentieth from one address (any
/// usernames) refuses the address (`too_many_attempts`, with `Retry-After`). The account's
/// holder with the right password from another address signs in, and the audit entry says
/// that other addresses were refused. Every attempt is in the audit trail.
pub async fn sign_in(
    app: &std::sync::Arc<App>,
    meta: RequestMeta,
    body: LoginRequest,
) -> Result<SessionTokens, AppError> {
    body.validate()?;
    let LoginRequest { username, password } = body;
    let address = meta.ip.clone().unwrap_or_else(|| "unknown".into());
    let now = Utc::now().naive_utc();

    let (lookup, from) = (username.clone(), address.clone());
    let (found, address_count, account_count) = app
        .db(move |conn| {
            let found = accounts::find_by_username(conn, &lookup)?;
            let address_count = throttles::find(conn, &throttles::address_key(&from))?;
            let account_count = match &found {
                Some(account) => throttles::find(conn, &throttles::account_key(&account.id, &from))?,
                None => throttles::find(conn, &throttles::name_key(&lookup, &from))?,
            };
            Ok((found, address_count, account_count))
        })
        .await?;

    // Refused before any password is checked: this address, or this account from this address.
    let refused = [&address_count, &account_count]
        .into_iter()
        .flatten()
        .filter_map(|t| t.locked_at(now))
        .max();
    if let Some(until) = refused {
        let reason = if address_count.as_ref().is_some_and(|t| t.locked_at(now).is_some()) {
            "sign-in refused from this address after repeated failures"
        } else {
            "sign-in refused for this account from this address after repeated failures"
        };
        let mut event = match &found {
            Some(account) => attempt_event(&meta, account, "failure", reason),
            None => meta.anonymous_event("auth.sign_in", "failure"),
        };
        event.reason = Some(reason.into());
        event.details = Some(serde_json::json!({ "username": username, "until": until }).to_string());
        app.db(move |conn| crate::audit::record(conn, event)).await?;
        return Err(AppError::TooManyAttempts {
            retry_after_secs: retry_after(until, now),
        });
    }

    let Some(account) = found else {
        let attempt = password.clone();
        tokio::task::spawn_blocking(move || passwords::verify_against_nothing(&attempt))
            .await
            .ok();
        let username_key = username.clone();
        let mut event = meta.anonymous_event("auth.sign_in", "failure");
        event.reason = Some("unknown username".into());
        event.details = Some(serde_json::json!({ "username": username }).to_string());
        let counted = app
            .db(move |conn| {
                conn.write_transaction(|conn| {
                    let counted = count_failure(conn, Guessed::Unknown(&username_key), &address, now)?;
                    crate::audit::record(conn, event)?;
                    Ok(counted)
                })
            })
            .await?;
        slow_down(app, counted.address.failures as u32).await;
        return Err(counted.answer(now));
    };

    let (attempt, stored) = (password.clone(), account.password_hash.clone());
    let correct = tokio::task::spawn_blocking(move || passwords::verify(&attempt, &stored))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;

    if !correct {
        let mut event = attempt_event(&meta, &account, "failure", "wrong password");
        let id = account.id.clone();
        let counted = app
            .db(move |conn| {
                conn.write_transaction(|conn| {
                    let counted = count_failure(conn, Guessed::Account(&id), &address, now)?;
                    event.details = Some(counted.details().to_string());
                    crate::audit::record(conn, event)?;
                    Ok(counted)
                })
            })
            .await?;
        let for_account = counted.account.as_ref().map_or(1, |a| a.failures);
        slow_down(app, for_account as u32).await;
        return Err(counted.answer(now));
    }

    match account.status.as_str() {
        STATUS_ACTIVE => {}
        STATUS_LOCKED => {
            let event = attempt_event(&meta, &account, "denied", "account locked by an administrator");
            app.db(move |conn| crate::audit::record(conn, event)).await?;
            return Err(AppError::AccountLocked);
        }
        _ => {
            // The password was right: say the account is closed (only its holder learns it).
            let event = attempt_event(&meta, &account, "denied", "account revoked");
            app.db(move |conn| crate::audit::record(conn, event)).await?;
            return Err(AppError::AccountClosed);
        }
    }

    let mut event = attempt_event(&meta, &account, "success", "");
    let session_state = app.clone();
    let tokens = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                throttles::clear(conn, &throttles::account_key(&account.id, &address))?;
                let quiet = chrono::Duration::from_std(QUIET_RESET).expect("an hour fits");
                let elsewhere = throttles::of_account(conn, &account.id, now - quiet)?;
                let (failures, locked_until) = summary(&elsewhere, now);
                if !elsewhere.is_empty() {
                    // The holder got through while someone else was guessing: said in the trail.
                    event.reason = Some("signed in while other addresses failed or were refused".into());
                    event.details = Some(
                        serde_json::json!({
                            "failures_elsewhere": failures,
                            "addresses": elsewhere.iter().map(|t| &t.address).collect::<Vec<_>>(),
                            "refused_until": locked_until,
                        })
                        .to_string(),
                    );
                }
                accounts::record_sign_in(conn, &account.id, failures, locked_until, Some(now))?;
                crate::audit::record(conn, event)?;
                let found = accounts::find(conn, &account.id)?.ok_or(AppError::NotFound)?;
                super::issue_session(conn, &session_state.auth, &found, &hoso_store::ids::new_id())
            })
        })
        .await?;
    Ok(tokens)
}

/// The counters after one failure: the address's, and the account's from it when the username
/// exists.
struct Counted {
    address: ThrottleRow,
    account: Option<ThrottleRow>,
}

impl Counted {
    fn answer(&self, now: NaiveDateTime) -> AppError {
        let until = [Some(&self.address), self.account.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|t| t.locked_at(now))
            .max();
        match until {
            Some(until) => AppError::TooManyAttempts {
                retry_after_secs: retry_after(until, now),
            },
            None => AppError::InvalidCredentials,
        }
    }

    fn details(&self) -> serde_json::Value {
        serde_json::json!({
            "failures": self.account.as_ref().map(|a| a.failures),
            "address_failures": self.address.failures,
        })
    }
}

/// What a failed attempt guessed at: an account, or a username no account has. An unknown
/// name is counted like an account, so that the fifth failure is refused alike and the answer
/// does not tell which usernames exist.
enum Guessed<'a> {
    Account(&'a str),
    Unknown(&'a str),
}

/// Counts a failure from `address` (and for what it guessed at, from it), prunes quiet
/// counters, and keeps an account's summary (failures, latest refusal) for administrators.
fn count_failure(
    conn: &mut DbConnection,
    guessed: Guessed<'_>,
    address: &str,
    now: NaiveDateTime,
) -> Result<Counted, AppError> {
    let quiet = chrono::Duration::from_std(QUIET_RESET).expect("an hour fits");
    throttles::prune(conn, now - quiet)?;
    let bump = |conn: &mut DbConnection, key: String, account: Option<&str>, limit: u32| {
        let previous = throttles::find(conn, &key)?;
        let next = FailureCount::after_failure(previous.as_ref().map(count_of).as_ref(), now, limit);
        let row = ThrottleRow {
            throttle_key: key,
            account_id: account.map(str::to_owned),
            address: address.to_owned(),
            failures: next.failures as i32,
            first_failure_at: next.first_failure_at,
            last_failure_at: next.last_failure_at,
            locked_until: next.locked_until,
        };
        throttles::save(conn, &row)?;
        Ok::<_, AppError>(row)
    };
    let counted_address = bump(
        conn,
        throttles::address_key(address),
        None,
        FAILURES_BEFORE_ADDRESS_LOCK,
    )?;
    let counted_account = match guessed {
        Guessed::Unknown(name) => Some(bump(
            conn,
            throttles::name_key(name, address),
            None,
            FAILURES_BEFORE_LOCK,
        )?),
        Guessed::Account(id) => {
            let row = bump(
                conn,
                throttles::account_key(id, address),
                Some(id),
                FAILURES_BEFORE_LOCK,
            )?;
            let all = throttles::of_account(conn, id, now - quiet)?;
            let (failures, locked_until) = summary(&all, now);
            accounts::record_failures(conn, id, failures, locked_until)?;
            Some(row)
        }
    };
    Ok(Counted {
        address: counted_address,
        account: counted_account,
    })
}

fn count_of(row: &ThrottleRow) -> FailureCount {
    FailureCount {
        failures: row.failures.max(0) as u32,
        first_failure_at: row.first_failure_at,
        last_failure_at: row.last_failure_at,
        locked_until: row.locked_until,
    }
}

/// An account's recent failures over every address, and the latest refusal still in force.
fn summary(counters: &[ThrottleRow], now: NaiveDateTime) -> (i32, Option<NaiveDateTime>) {
    let failures = counters.iter().map(|t| t.failures).sum();
    (failures, counters.iter().filter_map(|t| t.locked_at(now)).max())
}

fn retry_after(until: NaiveDateTime, now: NaiveDateTime) -> u64 {
    (until - now).num_seconds().max(1) as u64
}

/// Holds back the answer to the `failures`-th failed attempt, outside any database work.
async fn slow_down(state: &App, failures: u32) {
    if state.auth.slow_down_failures {
        tokio::time::sleep(delay_after(failures)).await;
    }
}

pub fn attempt_event(
    meta: &RequestMeta,
    account: &AccountRow,
    outcome: &str,
    reason: &str,
) -> hoso_store::audit::NewAuditEvent {
    let mut event = meta.anonymous_event("auth.sign_in", outcome);
    if outcome == "success" {
        event.actor_type = "account".into();
        event.actor_id = Some(account.id.clone());
        event.actor_name = Some(account.username.clone());
    }
    event.target_type = Some("account".into());
    event.target_id = Some(account.id.clone());
    event.unit_id = account.unit_id.clone();
    event.subject_person_id = account.person_id.clone();
    event.reason = (!reason.is_empty()).then(|| reason.to_owned());
    event
}

use chrono::Utc;
use hoso_api_types::auth::{LoginRequest, SessionTokens};
use hoso_domain::password::penalty_after;
use hoso_store::accounts::{self, AccountRow, STATUS_ACTIVE, STATUS_LOCKED};
use validator::Validate;

use crate::error::AppError;
use crate::passwords;
use crate::session::RequestMeta;
use crate::App;

/// Sign in with username and password.
///
/// Answers the same `invalid_credentials` for an unknown username and a wrong password, after
/// the same work. Each failure delays the answer a little more; the fifth in a row locks sign-in
/// for 15 minutes (`too_many_attempts`, with `Retry-After`). Every attempt is in the audit trail.
pub async fn sign_in(
    app: &std::sync::Arc<App>,
    meta: RequestMeta,
    body: LoginRequest,
) -> Result<SessionTokens, AppError> {
    body.validate()?;
    let LoginRequest { username, password } = body;

    let lookup = username.clone();
    let found = app
        .db(move |conn| Ok(accounts::find_by_username(conn, &lookup)?))
        .await?;

    let Some(account) = found else {
        let attempt = password.clone();
        tokio::task::spawn_blocking(move || passwords::verify_against_nothing(&attempt))
            .await
            .ok();
        let mut event = meta.anonymous_event("auth.sign_in", "failure");
        event.reason = Some("unknown username".into());
        event.details = Some(serde_json::json!({ "username": username }).to_string());
        app.db(move |conn| crate::audit::record(conn, event)).await?;
        slow_down(app, 1).await;
        return Err(AppError::InvalidCredentials);
    };

    let now = Utc::now().naive_utc();
    if let Some(until) = account.locked_until.filter(|until| *until > now) {
        let retry_after_secs = (until - now).num_seconds().max(1) as u64;
        let event = attempt_event(
            &meta,
            &account,
            "failure",
            "sign-in locked after repeated failures",
        );
        app.db(move |conn| crate::audit::record(conn, event)).await?;
        return Err(AppError::TooManyAttempts { retry_after_secs });
    }

    let (attempt, stored) = (password.clone(), account.password_hash.clone());
    let correct = tokio::task::spawn_blocking(move || passwords::verify(&attempt, &stored))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;

    if !correct {
        let failures = account.failed_logins + 1;
        let penalty = penalty_after(failures as u32);
        let locked_until = penalty.lock_for.map(|lock| now + lock);
        let event = attempt_event(&meta, &account, "failure", "wrong password");
        let (id, last) = (account.id.clone(), account.last_login_at);
        app.db(move |conn| {
            accounts::record_sign_in(conn, &id, failures, locked_until, last)?;
            crate::audit::record(conn, event)
        })
        .await?;
        slow_down(app, failures as u32).await;
        return Err(match penalty.lock_for {
            Some(lock) => AppError::TooManyAttempts {
                retry_after_secs: lock.as_secs(),
            },
            None => AppError::InvalidCredentials,
        });
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

    let event = attempt_event(&meta, &account, "success", "");
    let session_state = app.clone();
    let tokens = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                accounts::record_sign_in(conn, &account.id, 0, None, Some(now))?;
                crate::audit::record(conn, event)?;
                let found = accounts::find(conn, &account.id)?.ok_or(AppError::NotFound)?;
                super::issue_session(conn, &session_state.auth, &found, &hoso_store::ids::new_id())
            })
        })
        .await?;
    Ok(tokens)
}

/// Holds back the answer to the `failures`-th failed attempt, outside any database work.
async fn slow_down(state: &App, failures: u32) {
    if state.auth.slow_down_failures {
        tokio::time::sleep(penalty_after(failures).delay).await;
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

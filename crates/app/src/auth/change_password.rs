use hoso_api_types::auth::{ChangePasswordRequest, SessionTokens};
use hoso_domain::password::check_new_password;
use hoso_domain::FieldError;
use hoso_store::{accounts, refresh_tokens};
use validator::Validate;

use crate::error::AppError;
use crate::passwords;
use crate::session::Session;
use crate::App;

/// Change one's own password, including the forced change of a temporary one (ACC-5).
/// Every other session of the account ends; the answer is a fresh session for this one.
pub async fn change_password(
    app: &std::sync::Arc<App>,
    session: Session,
    body: ChangePasswordRequest,
) -> Result<SessionTokens, AppError> {
    body.validate()?;
    let account = session.account.account.clone();
    check_new_password("new_password", &body.new_password, &account.username)?;
    if body.new_password == body.current_password {
        return Err(FieldError::new(
            "new_password",
            "unchanged",
            "Mật khẩu mới phải khác mật khẩu hiện tại.",
        )
        .into());
    }
    let (current, stored) = (body.current_password.clone(), account.password_hash.clone());
    let correct = tokio::task::spawn_blocking(move || passwords::verify(&current, &stored))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    if !correct {
        return Err(FieldError::new(
            "current_password",
            "wrong_password",
            "Mật khẩu hiện tại không đúng.",
        )
        .into());
    }
    let new_hash = tokio::task::spawn_blocking(move || passwords::hash(&body.new_password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut event = session.event("account.password_changed");
    event.target_type = Some("account".into());
    event.target_id = Some(account.id.clone());
    event.subject_person_id = account.person_id.clone();
    event.unit_id = account.unit_id.clone();
    let session_state = app.clone();
    let tokens = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let mut changed = account.clone();
                changed.password_hash = new_hash;
                changed.must_change_password = false;
                changed.auth_version += 1;
                accounts::save(conn, &changed, account.version)?;
                refresh_tokens::revoke_all_for_account(conn, &account.id)?;
                crate::audit::record(conn, event)?;
                let found = accounts::find(conn, &account.id)?.ok_or(AppError::NotFound)?;
                super::issue_session(conn, &session_state.auth, &found, &hoso_store::ids::new_id())
            })
        })
        .await?;
    Ok(tokens)
}

use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::auth::{ChangePasswordRequest, SessionTokens};
use hoso_domain::password::check_new_password;
use hoso_domain::FieldError;
use hoso_store::{accounts, refresh_tokens};
use validator::Validate;

use crate::auth::{passwords, SessionAllowingTemporaryPassword};
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Change one's own password, including the forced change of a temporary one (ACC-5).
/// Every other session of the account ends; the answer is a fresh session for this one.
#[utoipa::path(
    tag = super::TAG,
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "Password changed; a new session.", body = SessionTokens),
        (status = 422, description = "`validation_failed`: the current password is wrong or the new one breaks the policy.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/auth/password")]
pub async fn post_password(
    session: SessionAllowingTemporaryPassword,
    state: web::Data<AppState>,
    body: web::Json<ChangePasswordRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let session = session.0;
    let body = body.into_inner();
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
    let correct = web::block(move || passwords::verify(&current, &stored))
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
    let new_hash = web::block(move || passwords::hash(&body.new_password))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let mut event = session.event("account.password_changed");
    event.target_type = Some("account".into());
    event.target_id = Some(account.id.clone());
    event.subject_person_id = account.person_id.clone();
    event.unit_id = account.unit_id.clone();
    let session_state = state.clone();
    let tokens = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let mut changed = account.clone();
                changed.password_hash = new_hash;
                changed.must_change_password = false;
                changed.auth_version += 1;
                accounts::save(conn, &changed, account.version)?;
                refresh_tokens::revoke_all_for_account(conn, &account.id)?;
                hoso_app::audit::record(conn, event)?;
                let found = accounts::find(conn, &account.id)?.ok_or(AppError::NotFound)?;
                super::issue_session(conn, &session_state.auth, &found, &hoso_store::ids::new_id())
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(tokens))
}

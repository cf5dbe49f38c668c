use actix_web::{post, web, HttpRequest, HttpResponse};
use chrono::Utc;
use diesel::Connection;
use hoso_api_types::auth::{RefreshRequest, SessionTokens};
use hoso_store::accounts::{self, STATUS_ACTIVE};
use hoso_store::refresh_tokens;

use crate::auth::secrets;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// Each refresh token works once. Presenting one that was already used means it was copied:
/// every token of that sign-in is revoked and the event is audited.
#[utoipa::path(
    tag = super::TAG,
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new session.", body = SessionTokens),
        (status = 401, description = "`unauthenticated`: unknown, expired, spent or revoked token, or the account can no longer sign in.", body = hoso_api_types::ErrorBody),
    )
)]
#[post("/auth/refresh")]
pub async fn post_refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, HttpError> {
    let digest = secrets::digest(&body.refresh_token);
    let meta = crate::auth::session::meta_of(&req);
    let session_state = state.clone();
    let tokens = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let token = refresh_tokens::find_by_hash(conn, &digest)?.ok_or(AppError::Unauthenticated)?;
                let spent = token.revoked_at.is_some() || !refresh_tokens::revoke(conn, &token.id)?;
                if spent {
                    refresh_tokens::revoke_family(conn, &token.family_id)?;
                    let mut event = meta.anonymous_event("auth.refresh_token_reused", "denied");
                    event.target_type = Some("account".into());
                    event.target_id = Some(token.account_id.clone());
                    event.reason = Some("a spent refresh token was presented; its sign-in was ended".into());
                    hoso_app::audit::record(conn, event)?;
                    return Ok(Err(AppError::Unauthenticated));
                }
                if token.expires_at <= Utc::now().naive_utc() {
                    return Ok(Err(AppError::Unauthenticated));
                }
                let account = accounts::find(conn, &token.account_id)?.ok_or(AppError::Unauthenticated)?;
                if account.account.status != STATUS_ACTIVE {
                    return Ok(Err(AppError::Unauthenticated));
                }
                super::issue_session(conn, &session_state.auth, &account, &token.family_id).map(Ok)
            })
        })
        .await??;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(tokens))
}

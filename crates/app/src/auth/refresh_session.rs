use chrono::Utc;
use hoso_api_types::auth::{RefreshRequest, SessionTokens};
use hoso_store::accounts::{self, STATUS_ACTIVE};
use hoso_store::refresh_tokens;

use crate::error::AppError;
use crate::secrets;
use crate::session::RequestMeta;
use crate::App;

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// Each refresh token works once. Presenting one that was already used means it was copied:
/// every token of that sign-in is revoked and the event is audited.
pub async fn refresh_session(
    app: &std::sync::Arc<App>,
    meta: RequestMeta,
    body: RefreshRequest,
) -> Result<SessionTokens, AppError> {
    let digest = secrets::digest(&body.refresh_token);

    let session_state = app.clone();
    let tokens = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let token = refresh_tokens::find_by_hash(conn, &digest)?.ok_or(AppError::Unauthenticated)?;
                let spent = token.revoked_at.is_some() || !refresh_tokens::revoke(conn, &token.id)?;
                if spent {
                    refresh_tokens::revoke_family(conn, &token.family_id)?;
                    let mut event = meta.anonymous_event("auth.refresh_token_reused", "denied");
                    event.target_type = Some("account".into());
                    event.target_id = Some(token.account_id.clone());
                    event.reason = Some("a spent refresh token was presented; its sign-in was ended".into());
                    crate::audit::record(conn, event)?;
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
    Ok(tokens)
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::auth::RefreshRequest;
use hoso_store::refresh_tokens;

use crate::auth::{secrets, SessionAllowingTemporaryPassword};
use crate::error::HttpError;
use crate::state::AppState;

/// Sign out: the refresh token and every token rotated from the same sign-in stop working.
#[utoipa::path(
    tag = super::TAG,
    request_body = RefreshRequest,
    responses((status = 204, description = "Signed out.")),
    security(("bearer" = []))
)]
#[post("/auth/logout")]
pub async fn post_logout(
    session: SessionAllowingTemporaryPassword,
    state: web::Data<AppState>,
    body: web::Json<RefreshRequest>,
) -> Result<HttpResponse, HttpError> {
    let session = session.0;
    let digest = secrets::digest(&body.refresh_token);
    let account_id = session.account.account.id.clone();
    let event = session.event("auth.sign_out");
    state
        .db(move |conn| {
            if let Some(token) = refresh_tokens::find_by_hash(conn, &digest)? {
                if token.account_id == account_id {
                    refresh_tokens::revoke_family(conn, &token.family_id)?;
                }
            }
            hoso_app::audit::record(conn, event)
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{HandOverRequest, IssuedCredentials};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Hand an agency account over to another officer under the head's written decision (ACC-4):
/// the holder changes, the previous holder's sessions end, and the new holder receives a
/// temporary password. The decision (number, date, signer and its scanned copy, uploaded first
/// with `POST /documents`) is kept in the audit trail.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Account id")),
    request_body = HandOverRequest,
    responses(
        (status = 200, description = "Handed over; the new holder's temporary password.", body = IssuedCredentials),
        (status = 409, description = "`stale_version` or `invalid_state` (not an agency account).", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/accounts/{id}/hand-over")]
pub async fn post_account_hand_over(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<HandOverRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::accounts::hand_over_account(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, HandOverRequest, IssuedCredentials};
use validator::Validate;

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
    body: web::Json<HandOverRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let (id, body) = (id.into_inner(), body.into_inner());
    if body.decision.document_id.is_none() {
        return Err(hoso_domain::FieldError::new(
            "decision.document_id",
            "required",
            "Đính kèm bản scan quyết định bàn giao.",
        )
        .into());
    }
    let request = AccountActionRequest {
        version: body.version,
        reason: body.reason.clone(),
        decision: Some(body.decision.clone()),
    };
    let (saved, password) = state
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.handed_over", &request, |row| {
                if !super::is_agency(row) {
                    return Err(super::invalid_state("Chỉ bàn giao tài khoản cơ quan."));
                }
                row.holder_name = Some(body.holder_name.trim().to_owned());
                Ok(Some(super::issue_temporary_password(row)))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(super::credentials(&saved, password.unwrap_or_default())))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{ApprovedAccountRequest, DecideRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Approve a pending request (Sở Nội vụ, ACC-7): the account is created as asked, with a
/// temporary password shown once, subject to the same limits as any grant (SEC-4).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Request id")),
    request_body = DecideRequest,
    responses(
        (status = 200, description = "Approved; the account created.", body = ApprovedAccountRequest),
        (status = 409, description = "`already_decided` or `username_taken`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/account-requests/{id}/approve")]
pub async fn post_account_request_approve(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<DecideRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::account_requests::approve_account_request(
        &state,
        session.0,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountRequestView, DecideRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Reject a pending request, with the reason the agency will read (Sở Nội vụ, ACC-7).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Request id")),
    request_body = DecideRequest,
    responses(
        (status = 200, description = "Rejected.", body = AccountRequestView),
        (status = 409, description = "`already_decided`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/account-requests/{id}/reject")]
pub async fn post_account_request_reject(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<DecideRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::account_requests::reject_account_request(
        &state,
        session.0,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountRequestView, FileAccountRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// File a request to Sở Nội vụ for an agency or specialist account for a unit in one's subtree
/// (ACC-7).
#[utoipa::path(
    tag = super::TAG,
    request_body = FileAccountRequest,
    responses((status = 201, description = "Filed; pending Sở Nội vụ's decision.", body = AccountRequestView)),
    security(("bearer" = []))
)]
#[post("/account-requests")]
pub async fn post_account_request(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<FileAccountRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::account_requests::create_account_request(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

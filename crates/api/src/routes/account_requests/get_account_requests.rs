use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountRequestView;
use hoso_app::account_requests::list_account_requests::RequestsQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Account requests: Sở Nội vụ sees all, an agency those for units in its subtree.
/// Requires `manage_accounts`.
#[utoipa::path(
    tag = super::TAG,
    params(RequestsQuery),
    responses((status = 200, description = "Requests, newest first.", body = [AccountRequestView])),
    security(("bearer" = []))
)]
#[get("/account-requests")]
pub async fn get_account_requests(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<RequestsQuery>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::account_requests::list_account_requests(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::ApprovalQueue;
use hoso_app::approvals::list_approvals::QueueQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// What waits for the caller at one step, the most urgent first, with the window that step
/// signs in. Only reviews the caller may act on are listed.
#[utoipa::path(
    tag = super::TAG,
    params(QueueQuery),
    responses((status = 200, description = "The queue.", body = ApprovalQueue)),
    security(("bearer" = []))
)]
#[get("/approvals")]
pub async fn get_approvals(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::approvals::list_approvals(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

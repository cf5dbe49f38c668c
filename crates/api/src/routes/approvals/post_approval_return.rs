use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{ReturnRequest, ReviewView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Send a review back to the employee with the reason (WF-5): at the check, before the head
/// signs, or at Sở Nội vụ. The draft is editable again; the version in force stays in force.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "Returned.", body = ReviewView),
        (status = 409, description = "`invalid_state`: nothing to return.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/approvals/{id}/return")]
pub async fn post_approval_return(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<ReturnRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::approvals::return_approval(&state.app, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{LockRequest, ReviewView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The focal officer has checked the submitted data against the paper originals and locks it
/// (WF-2): every line of the checklist ticked; from now on the employee cannot edit, and the
/// head's signature is due within the profile's working days.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    request_body = LockRequest,
    responses(
        (status = 200, description = "Locked.", body = ReviewView),
        (status = 409, description = "`invalid_state`: not waiting for a check.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/approvals/{id}/lock")]
pub async fn post_approval_lock(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<LockRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::approvals::lock_approval(&state.app, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

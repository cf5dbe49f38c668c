use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{ReviewView, SubmitRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Submit a new employee's first entry for the agency's check (WF-1, WF-2): by the person, or
/// by the HR unit on their behalf (recorded). The draft must be complete and valid and still
/// at the revision read; from now until locked-and-signed or returned it cannot be edited.
/// Later changes go through `POST /change-requests` with their evidence.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body = SubmitRequest,
    responses(
        (status = 201, description = "Submitted; the focal officer's check is due by `due_on`.", body = ReviewView),
        (status = 409, description = "`review_pending`, `invalid_state` (already approved: file a change request) or `stale_version`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/submit")]
pub async fn post_dossier_submit(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<SubmitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::dossiers::submit_dossier(&state.app, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

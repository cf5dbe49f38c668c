use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{NewChangeRequest, ReviewView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// File a change to an approved dossier (WF-4): the draft at `revision` (edited beforehand),
/// what changed and when, and at least one scanned proof (uploaded to `/documents`, typed from
/// `document_kinds`) — or, under an open update campaign covering the person, changes to the
/// campaign's sections only (422 `outside_campaign` per other field; evidence then optional).
/// It is checked and approved like the first entry, within the profile's change-approval period.
#[utoipa::path(
    tag = super::TAG,
    request_body = NewChangeRequest,
    responses(
        (status = 201, description = "Filed.", body = ReviewView),
        (status = 409, description = "`review_pending`, `invalid_state` (never approved: submit it instead), `stale_version`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/change-requests")]
pub async fn post_change_request(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NewChangeRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::change_requests::create_change_request(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::NationalCorrectionView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Takes the Ministry's correction of a record a reconciliation found `different`: reads the
/// record as the national database holds it now and keeps the items whose value differs from
/// the approved version as a proposal for the managing agency, shown on the dossier (reverse
/// sync: never written over the dossier). The difference becomes `correction_received`;
/// audited `national.correction_received`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Difference id", example = "d7e2a9b0-…")),
    responses(
        (status = 201, description = "The proposal, with each differing item's two values.", body = NationalCorrectionView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such difference.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`invalid_state` (not a `different` of a dossier here), `already_resolved`, `national_not_configured`, `national_consent_missing`, `national_refused`.", body = hoso_api_types::ErrorBody),
        (status = 503, description = "The platform did not answer.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/differences/{id}/correction")]
pub async fn post_national_difference_correction(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let correction =
        hoso_app::national::receive_national_correction(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Created().json(correction))
}

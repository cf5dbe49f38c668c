use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::{DismissCorrection, NationalCorrectionView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Declines the Ministry's correction with the reason (whoever may edit the dossier). The
/// dossier is unchanged; the reason is kept for Sở Nội vụ to take up with the Ministry.
/// Audited `national.correction_dismissed`.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id", example = "c2d4e6f8-…"),
        ("correction_id" = String, Path, description = "Correction id", example = "e1a0b2c3-…")
    ),
    request_body = DismissCorrection,
    responses(
        (status = 200, description = "Dismissed.", body = NationalCorrectionView),
        (status = 403, description = "The reader may not edit this dossier.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such dossier or correction, or outside the reader's scope.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`already_resolved`.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`note`: the reason is 5 to 2000 characters.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/national-corrections/{correction_id}/dismiss")]
pub async fn post_dossier_national_correction_dismiss(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: crate::json::Json<DismissCorrection>,
) -> Result<HttpResponse, HttpError> {
    let (id, correction) = path.into_inner();
    let view = hoso_app::national::dismiss_national_correction(
        &state.app,
        session.0,
        id,
        correction,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(view))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::dossiers::DraftView;
use hoso_api_types::national::ApplyCorrection;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Carries the Ministry's correction into the draft: each differing item the editor may see
/// takes the national value, saved like any draft save (the editor's rights, validation,
/// `revision` as read: 409 `stale_version`). Nothing is approved: the change then goes through a
/// change request (`POST /change-requests`, WF-4). Audited `national.correction_applied`.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id", example = "c2d4e6f8-…"),
        ("correction_id" = String, Path, description = "Correction id", example = "e1a0b2c3-…")
    ),
    request_body = ApplyCorrection,
    responses(
        (status = 200, description = "The draft with the national values.", body = DraftView),
        (status = 403, description = "The reader may not edit this dossier.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such dossier or correction, or outside the reader's scope.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`already_resolved`; `stale_version`; `dossier_locked` while under review.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "The corrected draft does not validate; the field is named.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/national-corrections/{correction_id}/apply")]
pub async fn post_dossier_national_correction_apply(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: crate::json::Json<ApplyCorrection>,
) -> Result<HttpResponse, HttpError> {
    let (id, correction) = path.into_inner();
    let draft = hoso_app::national::apply_national_correction(
        &state.app,
        session.0,
        id,
        correction,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(draft))
}

use actix_web::{put, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;
use hoso_api_types::golive::NationalIdsRequest;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Enter the dossier's national identifier (mã định danh) and national dossier code (CTX-1), as
/// the national database assigned them: Sở Nội vụ's administrators only (the national sync will
/// write them too). Each is unique (409 `conflict` if another dossier has it); `null` clears.
/// Both are printed on the form and searchable (`GET /dossiers?q=`).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body(content = NationalIdsRequest, example = json!({"national_identifier": "033000123456", "national_dossier_code": "33.HS-000123"})),
    responses(
        (status = 200, description = "Saved.", body = DossierSummary),
        (status = 409, description = "`conflict`: another dossier holds one of them.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[put("/dossiers/{id}/national-ids")]
pub async fn put_dossier_national_ids(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<NationalIdsRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::dossiers::save_dossier_national_ids(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{DissolveUnitRequest, UnitRef};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Dissolve an empty unit from a date (Sở Nội vụ). Refused while people or sub-units remain:
/// move them first, so no dossier is left without a unit. The unit stays in history.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = DissolveUnitRequest,
    responses((status = 200, description = "Dissolved.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/dissolve")]
pub async fn post_unit_dissolve(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<DissolveUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::units::dissolve_unit(&state, session.0, id.into_inner(), body.into_inner().change).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{RenameUnitRequest, UnitRef};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Rename a unit from a date; the old name stays in its history and in the tree as of earlier
/// days (Sở Nội vụ).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = RenameUnitRequest,
    responses((status = 200, description = "Renamed.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/rename")]
pub async fn post_unit_rename(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<RenameUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::rename_unit(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

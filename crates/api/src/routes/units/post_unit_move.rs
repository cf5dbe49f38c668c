use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{MoveUnitRequest, UnitRef};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Move a unit, with everything below it, under another unit from a date (Sở Nội vụ). Scopes
/// follow at once: the new parent's accounts reach it, the old parent's no longer do.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = MoveUnitRequest,
    responses((status = 200, description = "Moved.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/move")]
pub async fn post_unit_move(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<MoveUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::move_unit(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

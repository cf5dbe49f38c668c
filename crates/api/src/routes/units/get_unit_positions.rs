use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::PositionView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The unit's job positions (ORG-3) with their posts, holders and vacancies. Within the
/// reader's scope.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    responses((status = 200, description = "Positions by code.", body = [PositionView])),
    security(("bearer" = []))
)]
#[get("/units/{id}/positions")]
pub async fn get_unit_positions(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::list_unit_positions(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

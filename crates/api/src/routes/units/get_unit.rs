use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::UnitDetail;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One unit with its whole history: every name and place it had, the decisions that changed
/// them, what it was merged into or from. Within the reader's scope; others are 404.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    responses((status = 200, description = "The unit and its history.", body = UnitDetail)),
    security(("bearer" = []))
)]
#[get("/units/{id}")]
pub async fn get_unit(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::read_unit(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{CreateUnitRequest, UnitRef};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Create a unit of any kind but a province under an existing one, from its effective date
/// (Sở Nội vụ, `manage_units`).
#[utoipa::path(
    tag = super::TAG,
    request_body = CreateUnitRequest,
    responses(
        (status = 201, description = "Created.", body = UnitRef),
        (status = 409, description = "`code_taken`: a unit has this code (codes are never reused).", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`kind` not one of `GET /unit-kinds` (or `province`), `parent_id` unknown or ended, `effective_date` in the future.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/units")]
pub async fn post_unit(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<CreateUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::create_unit(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

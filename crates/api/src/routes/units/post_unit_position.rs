use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{CreatePositionRequest, PositionView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Add a job position to a unit (ORG-3): Sở Nội vụ anywhere, an agency within its own subtree
/// (`manage_positions`). Codes are unique within the unit; the required grade or professional
/// title must be a catalogue code in force. Audited.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = CreatePositionRequest,
    responses(
        (status = 201, description = "Created.", body = PositionView),
        (status = 409, description = "`code_taken` in this unit.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/units/{id}/positions")]
pub async fn post_unit_position(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<CreatePositionRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::units::create_unit_position(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

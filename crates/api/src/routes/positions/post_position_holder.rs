use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{AssignHolderRequest, PositionView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Give a position to a person of its unit (ORG-3); their previous position, if any, is freed.
/// Same authority as creating positions. Audited as about that person.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Position id")),
    request_body = AssignHolderRequest,
    responses((status = 200, description = "The position with its holders.", body = PositionView)),
    security(("bearer" = []))
)]
#[post("/positions/{id}/holders")]
pub async fn post_position_holder(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AssignHolderRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::positions::create_position_holder(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

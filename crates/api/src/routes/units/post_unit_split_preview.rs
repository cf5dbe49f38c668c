use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{SplitPlan, SplitRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Preview a split without changing anything: which new unit each person and sub-unit goes to
/// (ORG-4).
#[utoipa::path(
    tag = super::TAG,
    request_body = SplitRequest,
    responses((status = 200, description = "What the split would do.", body = SplitPlan)),
    security(("bearer" = []))
)]
#[post("/unit-splits/preview")]
pub async fn post_unit_split_preview(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<SplitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::preview_unit_split(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{MergePlan, MergeRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Preview a merge without changing anything: who moves from which unit, which sub-units move
/// under the receiving unit, which units end (ORG-4).
#[utoipa::path(
    tag = super::TAG,
    request_body = MergeRequest,
    responses((status = 200, description = "What the merge would do.", body = MergePlan)),
    security(("bearer" = []))
)]
#[post("/unit-merges/preview")]
pub async fn post_unit_merge_preview(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<MergeRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::preview_unit_merge(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

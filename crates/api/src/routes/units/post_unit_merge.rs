use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{MergePlan, MergeRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Merge units into one (ORG-4, CTX-2), in one transaction: every person of the merged units
/// and their personal account move to the receiving unit (each move recorded as a transfer of
/// that person), sub-units move under it whole, and the merged units end on the effective date
/// with their history and lineage kept — the tree as of the day before still shows them.
#[utoipa::path(
    tag = super::TAG,
    request_body = MergeRequest,
    responses((status = 200, description = "Done: what was moved.", body = MergePlan)),
    security(("bearer" = []))
)]
#[post("/unit-merges")]
pub async fn post_unit_merge(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<MergeRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::merge_unit(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

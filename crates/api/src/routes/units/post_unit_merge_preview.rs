use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{MergePlan, MergeRequest};
use hoso_domain::org::check_manage_units;
use validator::Validate;

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
    body: web::Json<MergeRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let body = body.into_inner();
    super::check_not_future(&body.change, state.clock.today())?;
    let plan = state
        .db(move |conn| Ok(super::plan_merge(conn, &body)?.plan))
        .await?;
    Ok(HttpResponse::Ok().json(plan))
}

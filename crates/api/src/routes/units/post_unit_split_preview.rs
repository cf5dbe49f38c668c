use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{SplitPlan, SplitRequest};
use hoso_domain::org::check_manage_units;
use validator::Validate;

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
    body: web::Json<SplitRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let body = body.into_inner();
    super::check_not_future(&body.change, state.clock.today())?;
    let plan = state
        .db(move |conn| Ok(super::plan_split(conn, &body)?.plan))
        .await?;
    Ok(HttpResponse::Ok().json(plan))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::units::{SplitPlan, SplitRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Split a unit into new ones (ORG-4), in one transaction: the new units are created, each
/// person (with their personal account) and each sub-unit goes to the new unit it was assigned
/// to (each person's move recorded as a transfer), and the split unit ends with its lineage.
#[utoipa::path(
    tag = super::TAG,
    request_body = SplitRequest,
    responses((status = 200, description = "Done: what was moved, with the new units' ids.", body = SplitPlan)),
    security(("bearer" = []))
)]
#[post("/unit-splits")]
pub async fn post_unit_split(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<SplitRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::units::split_unit(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

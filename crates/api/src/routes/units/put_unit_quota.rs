use actix_web::{put, web, HttpResponse};
use hoso_api_types::units::SetQuotaRequest;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Set a unit's staffing quota for a year (ORG-2): civil servants, public employees, contract
/// workers, with the decision it rests on (Sở Nội vụ). Audited.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id"), ("year" = i32, Path, minimum = 2000, maximum = 2100, description = "Year of the quota, 2000–2100 (422 `out_of_range` otherwise)", example = 2026)),
    request_body = SetQuotaRequest,
    responses((status = 204, description = "Set.")),
    security(("bearer" = []))
)]
#[put("/units/{id}/quotas/{year}")]
pub async fn put_unit_quota(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
    body: crate::json::Json<SetQuotaRequest>,
) -> Result<HttpResponse, HttpError> {
    hoso_app::units::save_unit_quota(&state, session.0, path.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

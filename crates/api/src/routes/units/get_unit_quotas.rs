use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::UnitQuotas;
use hoso_app::units::list_unit_quotas::QuotaQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Staffing quota of a year against the headcount (ORG-2), for the unit itself and summed over
/// its subtree. Within the reader's scope.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id"), QuotaQuery),
    responses((status = 200, description = "Quota against headcount.", body = UnitQuotas)),
    security(("bearer" = []))
)]
#[get("/units/{id}/quotas")]
pub async fn get_unit_quotas(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<QuotaQuery>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::units::list_unit_quotas(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

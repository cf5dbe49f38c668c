use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::UnitProposalView;
use hoso_app::unit_requests::list_unit_requests::UnitRequestQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Proposals of new units: Sở Nội vụ sees all, an agency those under its own units.
#[utoipa::path(
    tag = super::TAG,
    params(UnitRequestQuery),
    responses((status = 200, description = "Newest first (at most 500).", body = [UnitProposalView])),
    security(("bearer" = []))
)]
#[get("/unit-requests")]
pub async fn get_unit_requests(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<UnitRequestQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::unit_requests::list_unit_requests(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

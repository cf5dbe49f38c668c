use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::UnitView;
use hoso_app::units::list_units::UnitsQuery;

use crate::auth::Caller;
use crate::error::HttpError;
use crate::state::AppState;

/// The organisation tree in tree order, as of a day: for an account, the units of its scope (or,
/// with `whole_province=true`, the province's); for an API client, the whole province, with the
/// `units.read` scope.
#[utoipa::path(
    tag = super::TAG,
    params(UnitsQuery),
    responses((status = 200, description = "Units, parents before their children.", body = [UnitView])),
    security(("bearer" = []), ("client_credentials" = ["units.read"]))
)]
#[get("/units")]
pub async fn get_units(
    caller: Caller,
    state: web::Data<AppState>,
    query: web::Query<UnitsQuery>,
) -> Result<HttpResponse, HttpError> {
    let units = hoso_app::units::list_units(&state, caller.into_app(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(units))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::UnitView;
use hoso_domain::access::Scope;
use hoso_store::units;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::views;

/// The organisation tree in tree order: for an account, the units of its scope; for an API
/// client, the whole province, with the `units.read` scope.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Units, parents before their children.", body = [UnitView])),
    security(("bearer" = []), ("client_credentials" = ["units.read"]))
)]
#[get("/units")]
pub async fn get_units(caller: Caller, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let within = match &caller {
        Caller::Account(session) => match &session.actor.scope {
            Scope::Province => None,
            Scope::Subtree(path) => Some(path.as_str().to_owned()),
        },
        Caller::Client(client) if client.scopes.iter().any(|s| s == "units.read") => None,
        Caller::Client(_) => return Err(ApiError::Forbidden),
    };
    let rows = state
        .db(move |conn| Ok(units::list_within(conn, within.as_deref())?))
        .await?;
    Ok(HttpResponse::Ok().json(rows.into_iter().map(views::unit).collect::<Vec<_>>()))
}

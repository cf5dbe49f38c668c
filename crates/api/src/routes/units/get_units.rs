use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use hoso_api_types::units::UnitView;
use hoso_store::units;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Caller;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct UnitsQuery {
    /// The tree as it stood on this day (`YYYY-MM-DD`), with the names units had then;
    /// default today.
    pub as_of: Option<NaiveDate>,
    /// `true`: the whole province's tree, for an agency or specialist account that picks a
    /// destination outside its own units (a transfer between agencies, TRF-2). Unit names and
    /// codes are public; what people and dossiers a unit holds is not.
    pub whole_province: Option<bool>,
}

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
    let within = match &caller {
        Caller::Account(session)
            if query.whole_province == Some(true)
                && session.actor.kind != hoso_domain::access::AccountKind::Personal =>
        {
            None
        }
        Caller::Account(session) => session.actor.scope.prefix().map(str::to_owned),
        Caller::Client(client) if client.scopes.iter().any(|s| s == "units.read") => None,
        Caller::Client(_) => return Err(AppError::Forbidden.into()),
    };
    let as_of = query.as_of.unwrap_or_else(hoso_app::clock::today);
    let rows = state
        .db(move |conn| Ok(units::list_as_of(conn, as_of, within.as_deref())?))
        .await?;
    Ok(HttpResponse::Ok().json(
        rows.into_iter()
            .map(|(unit, version)| views::unit(unit, version))
            .collect::<Vec<_>>(),
    ))
}

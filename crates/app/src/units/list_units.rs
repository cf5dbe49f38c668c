use chrono::NaiveDate;
use hoso_api_types::units::UnitView;
use hoso_store::units;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Caller;
use crate::{views, App};

#[derive(Debug, Deserialize, IntoParams)]
pub struct UnitsQuery {
    /// The tree as it stood on this day (`YYYY-MM-DD`), with the names units had then;
    /// default today.
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub as_of: Option<NaiveDate>,
    /// `true`: the whole province's tree, for an agency or specialist account that picks a
    /// destination outside its own units (a transfer between agencies, TRF-2). Unit names and
    /// codes are public; what people and dossiers a unit holds is not.
    pub whole_province: Option<bool>,
}

/// The unit tree as of a day, parents before children: the caller's subtree, or the whole
/// province for accounts that ask and for API clients holding `units.read`.
pub async fn list_units(app: &App, caller: Caller, query: UnitsQuery) -> Result<Vec<UnitView>, AppError> {
    let within = match &caller {
        Caller::Account(session)
            if query.whole_province == Some(true)
                && session.actor.kind != hoso_domain::access::AccountKind::Personal =>
        {
            None
        }
        Caller::Account(session) => session.actor.scope.prefix().map(str::to_owned),
        Caller::Client(client) if client.scopes.iter().any(|s| s == "units.read") => None,
        Caller::Client(_) => return Err(AppError::Forbidden),
    };
    let as_of = query.as_of.unwrap_or_else(|| app.clock.today());
    let rows = app
        .db(move |conn| Ok(units::list_as_of(conn, as_of, within.as_deref())?))
        .await?;
    Ok(rows
        .into_iter()
        .map(|(unit, version)| views::unit(unit, version))
        .collect())
}

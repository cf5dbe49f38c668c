use hoso_api_types::units::{PersonSummary, UnitRef};
use hoso_domain::access::{AccountKind, Right};
use hoso_store::people;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// People managed within the signed-in account's scope, by name, with whether each has a
/// personal account. Requires `read_dossiers` or `manage_accounts` (SEC-3).
pub async fn list_people(
    app: &App,
    session: Session,
    query: PeopleQuery,
) -> Result<Vec<PersonSummary>, AppError> {
    let actor = &session.actor;
    let allowed = actor.kind != AccountKind::Personal
        && (actor.rights.contains(Right::ReadDossiers) || actor.rights.contains(Right::ManageAccounts));
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let within = actor.scope.prefix().map(str::to_owned);
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let rows = app
        .db(move |conn| {
            Ok(people::list(
                conn,
                within.as_deref(),
                query.q.as_deref(),
                query.unit_id.as_deref(),
                limit,
            )?)
        })
        .await?;
    let people: Vec<PersonSummary> = rows
        .into_iter()
        .map(|row| PersonSummary {
            unit: UnitRef {
                id: row.person.unit_id.clone(),
                name: row.unit_name,
            },
            id: row.person.id,
            full_name: row.person.full_name,
            has_account: row.has_account,
        })
        .collect();
    Ok(people)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct PeopleQuery {
    /// Part of the name.
    pub q: Option<String>,
    /// Only the people of this unit (still within the caller's scope).
    pub unit_id: Option<String>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
}

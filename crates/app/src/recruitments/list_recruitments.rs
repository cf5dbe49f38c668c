use hoso_api_types::golive::RecruitmentView;
use hoso_domain::access::{AccountKind, Right};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Recruits in the caller's scope, the earliest account deadline first, each with its due day
/// and whether the account exists (ACC-6). Requires `manage_accounts` or `create_dossiers`.
pub async fn list_recruitments(
    app: &App,
    session: Session,
    query: RecruitmentQuery,
) -> Result<Vec<RecruitmentView>, AppError> {
    let actor = session.actor.clone();
    let allowed = actor.kind != AccountKind::Personal
        && (actor.rights.contains(Right::ManageAccounts) || actor.rights.contains(Right::CreateDossiers));
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let today = app.clock.today();
    let list = app
        .db(move |conn| {
            let under = match &query.unit_id {
                Some(id) => Some(crate::units::load_visible(conn, &actor, id)?.path),
                None => None,
            };
            let rows = hoso_store::recruitments::list(
                conn,
                actor.scope.prefix(),
                under.as_deref(),
                query.without_account.unwrap_or(false),
                1000,
            )?;
            Ok(rows
                .into_iter()
                .map(|row| super::view(row, today))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(list)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct RecruitmentQuery {
    /// Only this unit and the units under it (within the caller's scope).
    pub unit_id: Option<String>,
    /// Only the recruits still without a personal account ("Người chưa có tài khoản").
    pub without_account: Option<bool>,
}

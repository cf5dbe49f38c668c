use hoso_api_types::golive::UnitProposalView;
use hoso_domain::access::AccountKind;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Proposals of new units: Sở Nội vụ sees all, an agency those under its own units.
pub async fn list_unit_requests(
    app: &App,
    session: Session,
    query: UnitRequestQuery,
) -> Result<Vec<UnitProposalView>, AppError> {
    if !matches!(session.actor.kind, AccountKind::Admin | AccountKind::Agency) {
        return Err(AppError::Forbidden);
    }
    let within = session.actor.scope.prefix().map(str::to_owned);
    let status = query.status;
    let list = app
        .db(move |conn| {
            Ok(
                hoso_store::unit_requests::list(conn, within.as_deref(), status.as_deref())?
                    .into_iter()
                    .map(|(row, parent)| super::view(row, parent))
                    .collect::<Vec<_>>(),
            )
        })
        .await?;
    Ok(list)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct UnitRequestQuery {
    /// `pending`, `approved` or `rejected`.
    pub status: Option<String>,
}

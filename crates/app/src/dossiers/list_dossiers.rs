use hoso_api_types::dossiers::DossierSummary;
use hoso_store::dossiers::{self, DossierFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Dossiers in service within the caller's scope, by name (requires `read_dossiers`); the
/// archived ones are under `GET /archive`.
pub async fn list_dossiers(
    app: &App,
    session: Session,
    query: DossierQuery,
) -> Result<Vec<DossierSummary>, AppError> {
    super::require_list_right(&session)?;
    let actor = &session.actor;
    let within = actor.scope.prefix().map(str::to_owned);
    let rows = app
        .db(move |conn| {
            let under_path = match &query.unit_id {
                Some(id) => Some(hoso_store::units::find(conn, id)?.ok_or(AppError::NotFound)?.path),
                None => None,
            };
            let filter = DossierFilter {
                within,
                under_path,
                statuses: query.status.into_iter().collect(),
                name: query.q.as_deref().map(hoso_domain::dossier::search_name),
                national_id: query.national_id.as_deref().map(|v| v.trim().to_uppercase()),
                // Archived dossiers are listed apart (`GET /archive`).
                archived: Some(false),
                limit: query.limit.unwrap_or(50).clamp(1, 200),
                offset: query.offset.unwrap_or(0).max(0),
            };
            Ok(dossiers::list(conn, &filter)?)
        })
        .await?;
    let body: Vec<DossierSummary> = rows.iter().map(super::summary).collect();
    Ok(body)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DossierQuery {
    /// Only dossiers of this unit and the units under it.
    pub unit_id: Option<String>,
    /// `draft` or `approved`.
    pub status: Option<String>,
    /// Part of the name, without regard to case or diacritics ("nguyen van an").
    pub q: Option<String>,
    /// Exactly this national identifier or national dossier code (CTX-1).
    pub national_id: Option<String>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

use hoso_api_types::dossiers::DossierSummary;
use hoso_store::dossiers::{self, DossierFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Archived dossiers within the caller's scope (`read_dossiers`), by name. Each opens read-only
/// with `GET /dossiers/{id}`.
pub async fn list_archive(
    app: &App,
    session: Session,
    query: ArchiveQuery,
) -> Result<Vec<DossierSummary>, AppError> {
    crate::dossiers::require_list_right(&session)?;
    let actor = &session.actor;
    let filter = DossierFilter {
        within: actor.scope.prefix().map(str::to_owned),
        name: query.q.as_deref().map(hoso_domain::dossier::search_name),
        archived: Some(true),
        limit: query.limit.unwrap_or(50).clamp(1, 200),
        offset: query.offset.unwrap_or(0).max(0),
        ..Default::default()
    };
    let found = app.db(move |conn| Ok(dossiers::list(conn, &filter)?)).await?;
    let body: Vec<DossierSummary> = found.iter().map(crate::dossiers::summary).collect();
    Ok(body)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ArchiveQuery {
    /// Part of the name, without regard to case or diacritics.
    pub q: Option<String>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

use hoso_api_types::dossiers::VersionSummary;
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The approved versions of a dossier, oldest first: who approved each, when, and its hash.
pub async fn list_dossier_versions(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<VersionSummary>, AppError> {
    let list = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            Ok(dossiers::versions(conn, &r.found.dossier.id)?)
        })
        .await?;
    let body: Vec<VersionSummary> = list.iter().map(crate::views::dossier_version).collect();
    Ok(body)
}

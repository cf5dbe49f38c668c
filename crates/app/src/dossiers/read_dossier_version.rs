use hoso_api_types::dossiers::VersionView;
use hoso_domain::dossier::protection::redact;
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// An approved version of a readable dossier, with only the fields the reader's level allows;
/// recorded as `dossier.exported`.
pub async fn read_dossier_version(
    app: &App,
    session: Session,
    id: String,
    number: i32,
) -> Result<VersionView, AppError> {
    let keys = app.data_keys.clone();
    app.db(move |conn| {
        let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
        let version = dossiers::version(conn, &r.found.dossier.id, number)?.ok_or(AppError::NotFound)?;
        let whole = super::open_content(&keys, &version.content, version.sealed.as_deref())?;
        Ok(VersionView {
            dossier_id: r.found.dossier.id.clone(),
            dossier_number: r.found.dossier.dossier_number.clone(),
            version: crate::views::dossier_version(&version),
            level: r.level,
            content: redact(&whole, r.level),
        })
    })
    .await
}

use hoso_api_types::dossiers::DossierView;
use hoso_domain::access::check_edit_dossier;
use hoso_domain::dossier::protection::{redact, RestrictionLevel};
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A dossier and its latest approved version, with only the fields the reader's restriction
/// level allows (SEC-2). The read is recorded (`dossier.viewed`): the person sees who looked.
pub async fn read_dossier(app: &App, session: Session, id: String) -> Result<DossierView, AppError> {
    let keys = app.data_keys.clone();
    let view = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let content = match r.found.dossier.current_version {
                0 => None,
                n => {
                    let version =
                        dossiers::version(conn, &r.found.dossier.id, n)?.ok_or(AppError::NotFound)?;
                    let whole = super::open_content(&keys, &version.content, version.sealed.as_deref())?;
                    Some(redact(&whole, r.level))
                }
            };
            // An archived dossier is read-only for everyone (TRF-5).
            let editable = r.level >= RestrictionLevel::Full
                && !crate::workflow::is_archived(&r.found.person.service_status)
                && check_edit_dossier(&session.actor, &r.found.person.id, &r.path).is_ok();
            Ok(DossierView {
                summary: super::summary(&r.found),
                level: r.level,
                content,
                editable,
            })
        })
        .await?;
    Ok(view)
}

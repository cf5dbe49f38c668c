use hoso_domain::access::{AccountKind, UnitPath};
use hoso_domain::dossier::protection::{document_level, level_for, RestrictionLevel};
use hoso_store::documents;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// A stored document, for whoever may read it; to anyone else it does not exist, so that ids
/// cannot be probed. A scan filed in a dossier (an attachment, a change's evidence) is read by
/// the person themselves, or within the scope over the person's unit at the level its kind
/// needs (`read_dossiers`; `read_sensitive_fields` for identity papers and health
/// certificates); any other document by its uploader or within the scope over its unit. Every
/// download is in the audit trail, and in the person's "Ai đã xem hồ sơ của tôi" (SEC-2, SEC-7).
pub async fn read_document(app: &App, session: Session, id: String) -> Result<File, AppError> {
    let row = app
        .db(move |conn| {
            let (row, unit_path) = documents::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let mut event = session.event("document.downloaded");
            event.target_type = Some("document".into());
            event.target_id = Some(row.id.clone());
            event.unit_id = row.unit_id.clone();
            let filed = match documents::attached_to(conn, &row.id)? {
                Some((dossier_id, kind)) => hoso_store::dossiers::find(conn, &dossier_id)?.map(|d| (d, kind)),
                None => None,
            };
            let allowed = match &filed {
                Some((dossier, kind)) => {
                    let own = session.actor.person_id.as_deref() == Some(dossier.person.id.as_str());
                    let path = UnitPath::parse(&dossier.unit_path).map_err(AppError::Internal)?;
                    let needed = document_level(kind);
                    event.subject_person_id = Some(dossier.person.id.clone());
                    event.unit_id = Some(dossier.person.unit_id.clone());
                    event.right_used = (!own).then(|| {
                        if needed == RestrictionLevel::Sensitive {
                            "read_sensitive_fields"
                        } else {
                            "read_dossiers"
                        }
                        .into()
                    });
                    event.details =
                        Some(serde_json::json!({"kind": kind, "file_name": row.file_name}).to_string());
                    own || (session.actor.kind != AccountKind::Personal
                        && session.actor.scope.covers(&path)
                        && level_for(&session.actor, false) >= needed)
                }
                None => super::may_read(&session.actor, &row, unit_path.as_deref())?,
            };
            if !allowed {
                event.outcome = "denied".into();
                crate::audit::record(conn, event)?;
                return Err(AppError::NotFound);
            }
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    crate::files::document(app, row).await
}

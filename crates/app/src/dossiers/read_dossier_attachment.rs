use hoso_domain::dossier::protection::{document_level, RestrictionLevel};
use hoso_store::dossiers;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The file of one of a readable dossier's attachments, at the level its kind needs (identity
/// papers and health certificates: `read_sensitive_fields`; any other scan: `read_dossiers`;
/// the person: always). Every download, and every refusal, is recorded.
pub async fn read_dossier_attachment(
    app: &App,
    session: Session,
    id: String,
    attachment_id: String,
) -> Result<File, AppError> {
    let document = app
        .db(move |conn| {
            let (r, mut event) = super::check_readable(conn, &session, &id, "dossier.attachment_downloaded")?;
            let (attachment, document) = dossiers::attachments(conn, &r.found.dossier.id)?
                .into_iter()
                .find(|(a, _)| a.id == attachment_id)
                .ok_or(AppError::NotFound)?;
            let needed = document_level(&attachment.kind);
            if needed == RestrictionLevel::Sensitive {
                event.right_used = Some("read_sensitive_fields".into());
            }
            event.details = Some(
                serde_json::json!({"kind": attachment.kind, "file_name": document.file_name, "level": r.level.as_str()})
                    .to_string(),
            );
            if r.level < needed {
                event.outcome = "denied".into();
                crate::audit::record(conn, event)?;
                return Err(AppError::NotFound);
            }
            crate::audit::record(conn, event)?;
            Ok(document)
        })
        .await?;
    crate::files::document(app, document).await
}

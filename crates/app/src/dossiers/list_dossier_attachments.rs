use hoso_api_types::dossiers::AttachmentView;
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The scans attached to a dossier, oldest first, for anyone who may read it.
pub async fn list_dossier_attachments(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<AttachmentView>, AppError> {
    let list = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            Ok(dossiers::attachments(conn, &r.found.dossier.id)?)
        })
        .await?;
    let body: Vec<AttachmentView> = list
        .into_iter()
        .map(|(a, d)| super::attachment_view(a, &d))
        .collect();
    Ok(body)
}

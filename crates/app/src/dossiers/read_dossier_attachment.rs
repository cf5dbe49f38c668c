use hoso_store::dossiers;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The file of one of a readable dossier's attachments (the download is recorded).
pub async fn read_dossier_attachment(
    app: &App,
    session: Session,
    id: String,
    attachment_id: String,
) -> Result<File, AppError> {
    let document = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.attachment_downloaded")?;
            dossiers::attachments(conn, &r.found.dossier.id)?
                .into_iter()
                .find(|(a, _)| a.id == attachment_id)
                .map(|(_, d)| d)
                .ok_or(AppError::NotFound)
        })
        .await?;
    crate::files::document(app, document).await
}

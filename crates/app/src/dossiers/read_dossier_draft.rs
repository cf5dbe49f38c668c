use hoso_api_types::dossiers::DraftView;
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The draft being edited, at the reader's level, with the required items still empty.
pub async fn read_dossier_draft(app: &App, session: Session, id: String) -> Result<DraftView, AppError> {
    let keys = app.data_keys.clone();
    let view = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let draft = dossiers::draft(conn, &r.found.dossier.id)?;
            let whole = super::open_content(&keys, &draft.content, draft.sealed.as_deref())?;
            super::draft_view(conn, &r, draft, &whole)
        })
        .await?;
    Ok(view)
}

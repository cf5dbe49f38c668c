use hoso_store::documents;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// A stored document, for whoever may read it ([`super::may_read`]); to anyone else it does not
/// exist, so that ids cannot be probed.
pub async fn read_document(app: &App, session: Session, id: String) -> Result<File, AppError> {
    let (row, unit_path) = app
        .db(move |conn| Ok(documents::find(conn, &id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    if !super::may_read(&session.actor, &row, unit_path.as_deref())? {
        return Err(AppError::NotFound);
    }
    crate::files::document(app, row).await
}

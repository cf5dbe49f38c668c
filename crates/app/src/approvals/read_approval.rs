use hoso_api_types::workflow::ReviewView;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One review with its history, checklist, evidence and signatures; for whoever may read the
/// dossier (the employee reads why it was returned here).
pub async fn read_approval(app: &App, session: Session, id: String) -> Result<ReviewView, AppError> {
    let today = app.clock.today();
    let view = app
        .db(move |conn| {
            let loaded = crate::workflow::load(conn, &id)?;
            crate::dossiers::load_readable(conn, &session, &loaded.found.dossier.id, "dossier.viewed")?;
            crate::workflow::view(conn, &loaded.review, &loaded.found, today)
        })
        .await?;
    Ok(view)
}

use hoso_api_types::workflow::ReviewView;
use hoso_store::reviews;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The dossier's reviews, newest first: each submission, check, return with its reason (what
/// the employee reads when something is sent back, WF-5), signature and approval.
pub async fn list_dossier_reviews(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<ReviewView>, AppError> {
    let today = app.clock.today();
    let list = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut views = Vec::new();
            for review in reviews::for_dossier(conn, &r.found.dossier.id)? {
                views.push(crate::workflow::view(conn, &review, &r.found, today)?);
            }
            Ok(views)
        })
        .await?;
    Ok(list)
}

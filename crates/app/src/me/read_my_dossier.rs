use hoso_api_types::dossiers::DossierSummary;
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The signed-in person's own dossier, if it has been opened (404 otherwise, or for accounts
/// that are not a person's).
pub async fn read_my_dossier(app: &App, session: Session) -> Result<DossierSummary, AppError> {
    let person = session.actor.person_id.clone().ok_or(AppError::NotFound)?;
    let found = app
        .db(move |conn| {
            let row = dossiers::find_by_person(conn, &person)?.ok_or(AppError::NotFound)?;
            dossiers::find(conn, &row.id)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(crate::dossiers::summary(&found))
}

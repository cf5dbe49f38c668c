use hoso_api_types::transfers::TransferView;
use hoso_store::transfers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The person's moves, newest first: each with its decision (TRF-1…5).
pub async fn list_dossier_transfers(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<TransferView>, AppError> {
    let today = app.clock.today();
    let views = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut views = Vec::new();
            for row in transfers::of_person(conn, &r.found.person.id)? {
                views.push(crate::transfers::view(conn, &row, today)?);
            }
            Ok(views)
        })
        .await?;
    Ok(views)
}

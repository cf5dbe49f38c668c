use hoso_api_types::national::NationalMessageDetail;
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One message with the packet as last sent and every exchange of it in the message log.
pub async fn read_national_message(
    app: &App,
    session: Session,
    id: String,
) -> Result<NationalMessageDetail, AppError> {
    check_national_sync(&session.actor)?;
    app.db(move |conn| {
        let row = hoso_store::national::find(conn, &id)?.ok_or(AppError::NotFound)?;
        let found = hoso_store::dossiers::find(conn, &row.dossier_id)?.ok_or(AppError::NotFound)?;
        let log = hoso_store::national::log_of_message(conn, &row.id)?
            .into_iter()
            .map(super::log_view)
            .collect();
        let packet = row.packet.clone();
        Ok(NationalMessageDetail {
            message: super::message_view(row, found.person.full_name, found.dossier.dossier_number),
            packet,
            log,
        })
    })
    .await
}

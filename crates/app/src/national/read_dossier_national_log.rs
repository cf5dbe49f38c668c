use hoso_api_types::national::DossierNationalLog;
use hoso_domain::org::check_national_sync;
use hoso_store::national as store;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Everything exchanged with the national side about one dossier's person, in the log's order:
/// each message's deliveries and answers, the reads of their national record on arrival and
/// the corrections received. Its messages beside it, newest first. For the administrators of
/// the national sync; the read is audited against the dossier (the packets carry its content).
pub async fn read_dossier_national_log(
    app: &App,
    session: Session,
    id: String,
) -> Result<DossierNationalLog, AppError> {
    check_national_sync(&session.actor)?;
    app.db(move |conn| {
        let found = hoso_store::dossiers::find(conn, &id)?.ok_or(AppError::NotFound)?;
        let messages = store::of_dossier(conn, &id)?
            .into_iter()
            .map(|m| {
                super::message_view(
                    m,
                    found.person.full_name.clone(),
                    found.dossier.dossier_number.clone(),
                )
            })
            .collect();
        let log = store::log_of_dossier(conn, &id)?
            .into_iter()
            .map(super::log_view)
            .collect();
        let mut event = session.event("dossier.national_log_viewed");
        event.target_type = Some("dossier".into());
        event.target_id = Some(id.clone());
        event.right_used = Some("manage_api_clients".into());
        crate::audit::record(conn, event)?;
        Ok(DossierNationalLog {
            dossier_id: id,
            person_name: found.person.full_name,
            dossier_number: found.dossier.dossier_number,
            messages,
            log,
        })
    })
    .await
}

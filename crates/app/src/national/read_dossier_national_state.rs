use hoso_api_types::national::DossierNationalState;
use hoso_store::national as store;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A dossier's standing with the national database for whoever may read the dossier: its
/// national codes (CTX-1), its latest message and, for an arrival, the national record it was
/// opened from with the items that record filled (the form marks them). Reading the record's
/// content is recorded as a read of the dossier.
pub async fn read_dossier_national_state(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
) -> Result<DossierNationalState, AppError> {
    let shared = app.clone();
    app.db(move |conn| {
        let (r, event) = crate::dossiers::check_readable(conn, &session, &id, "dossier.viewed")?;
        let dossier = &r.found.dossier;
        let last = store::of_dossier(conn, &dossier.id)?.into_iter().next();
        let record = match store::record_of_dossier(conn, &dossier.id)? {
            Some(record) => Some(super::pull_national_record::record_view(
                &shared, record, r.level,
            )?),
            None => None,
        };
        let open_correction = match store::open_correction(conn, &dossier.id)? {
            Some(row) => {
                let version = hoso_store::dossiers::version(conn, &dossier.id, row.version_number)?
                    .ok_or(AppError::NotFound)?;
                let ours = crate::dossiers::open_content(
                    &shared.data_keys,
                    &version.content,
                    version.sealed.as_deref(),
                )?;
                Some(super::receive_national_correction::correction_view(
                    &shared, row, &ours, r.level,
                )?)
            }
            None => None,
        };
        // Content shown (the record, a correction's values) is a read of the dossier.
        if record.is_some() || open_correction.is_some() {
            crate::audit::record(conn, event)?;
        }
        Ok(DossierNationalState {
            open_correction,
            national_identifier: dossier.national_identifier.clone(),
            national_dossier_code: dossier.national_dossier_code.clone(),
            state: last.as_ref().map_or("never_sent".to_owned(), |m| m.state.clone()),
            last_message: last.map(|m| {
                super::message_view(
                    m,
                    r.found.person.full_name.clone(),
                    dossier.dossier_number.clone(),
                )
            }),
            from_national_record: record,
        })
    })
    .await
}

use hoso_api_types::national::{DismissCorrection, NationalCorrectionView};
use hoso_domain::access::check_edit_dossier;
use hoso_store::national as store;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Declines the Ministry's correction with the reason (whoever may edit the dossier: the
/// managing agency). The dossier is unchanged; the reason is kept and audited, for Sở Nội vụ
/// to take up with the Ministry.
pub async fn dismiss_national_correction(
    app: &std::sync::Arc<App>,
    session: Session,
    dossier_id: String,
    correction_id: String,
    body: DismissCorrection,
) -> Result<NationalCorrectionView, AppError> {
    body.validate()?;
    let shared = app.clone();
    app.db(move |conn| {
        let app = &shared;
        let correction =
            super::apply_national_correction::open_correction(conn, &dossier_id, &correction_id)?;
        let (r, mut event) =
            crate::dossiers::check_readable(conn, &session, &dossier_id, "national.correction_dismissed")?;
        event.right_used = Some("update_dossiers".into());
        if let Err(denial) = check_edit_dossier(&session.actor, &r.found.person.id, &r.path) {
            return Err(crate::audit::refuse(conn, event, denial));
        }
        let now = app.clock.now_naive();
        let note = body.note.trim().to_owned();
        conn.write_transaction(|conn| -> Result<(), AppError> {
            if !store::decide_correction(
                conn,
                &correction.id,
                "dismissed",
                &session.actor.account_id,
                Some(&note),
                now,
            )? {
                return Err(super::apply_national_correction::already_decided());
            }
            event.reason = Some(note.clone());
            event.details = Some(serde_json::json!({"correction_id": correction.id}).to_string());
            crate::audit::record(conn, event)
        })?;
        let row = store::find_correction(conn, &correction.id)?.ok_or(AppError::NotFound)?;
        let version = hoso_store::dossiers::version(conn, &dossier_id, row.version_number)?
            .ok_or(AppError::NotFound)?;
        let ours =
            crate::dossiers::open_content(&app.data_keys, &version.content, version.sealed.as_deref())?;
        super::receive_national_correction::correction_view(app, row, &ours, r.level)
    })
    .await
}

use hoso_api_types::dossiers::{DraftView, SaveDraftRequest};
use hoso_api_types::national::ApplyCorrection;
use hoso_store::national as store;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Carries the Ministry's correction into the draft (the managing agency, or whoever may edit
/// the draft): each differing item the editor may see takes the national value, saved as any
/// draft save is (validated, against `revision`). The change then goes through the normal
/// workflow (a change request, WF-4): nothing is approved by this. Audited.
pub async fn apply_national_correction(
    app: &std::sync::Arc<App>,
    session: Session,
    dossier_id: String,
    correction_id: String,
    body: ApplyCorrection,
) -> Result<DraftView, AppError> {
    let (shared, reader) = (app.clone(), session.clone());
    let (id, wanted) = (dossier_id.clone(), correction_id.clone());
    let (content, correction) = app
        .db(move |conn| {
            let correction = open_correction(conn, &id, &wanted)?;
            let (r, _) = crate::dossiers::check_readable(conn, &reader, &id, "dossier.viewed")?;
            let draft = hoso_store::dossiers::draft(conn, &id)?;
            let keys = &shared.data_keys;
            let whole = crate::dossiers::open_content(keys, &draft.content, draft.sealed.as_deref())?;
            let national =
                crate::dossiers::open_content(keys, &correction.content, correction.sealed.as_deref())?;
            use hoso_domain::dossier::protection::redact;
            let (mut content, national) = (redact(&whole, r.level), redact(&national, r.level));
            let items: Vec<String> = serde_json::from_str(&correction.items).unwrap_or_default();
            for item in &items {
                let pointer = hoso_domain::national::pointer_of(item);
                if let Some(value) = national.pointer(&pointer).filter(|v| !v.is_null()) {
                    hoso_domain::national::set_at_pointer(&mut content, &pointer, value.clone());
                }
            }
            Ok((crate::dossiers::typed(&content)?, correction))
        })
        .await?;
    let request = SaveDraftRequest {
        revision: body.revision,
        content,
    };
    let draft =
        crate::dossiers::save_dossier_draft(app, session.clone(), dossier_id.clone(), request).await?;
    let shared = app.clone();
    app.db(move |conn| {
        let found = hoso_store::dossiers::find(conn, &dossier_id)?.ok_or(AppError::NotFound)?;
        let now = shared.clock.now_naive();
        conn.write_transaction(|conn| -> Result<(), AppError> {
            if !store::decide_correction(
                conn,
                &correction.id,
                "applied",
                &session.actor.account_id,
                None,
                now,
            )? {
                return Err(already_decided());
            }
            let mut event = crate::dossiers::event(&session, "national.correction_applied", &found);
            event.details = Some(serde_json::json!({"correction_id": correction.id}).to_string());
            crate::audit::record(conn, event)
        })
    })
    .await?;
    Ok(draft)
}

pub(super) fn already_decided() -> AppError {
    AppError::Conflict {
        code: "already_resolved",
        message: "Bản hiệu chỉnh này đã được xử lý.".into(),
    }
}

/// The dossier's correction `id`, still open.
pub(super) fn open_correction(
    conn: &mut hoso_store::DbConnection,
    dossier_id: &str,
    id: &str,
) -> Result<store::CorrectionRow, AppError> {
    let correction = store::find_correction(conn, id)?
        .filter(|c| c.dossier_id == dossier_id)
        .ok_or(AppError::NotFound)?;
    if correction.state != "open" {
        return Err(already_decided());
    }
    Ok(correction)
}

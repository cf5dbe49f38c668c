use hoso_api_types::dossiers::DossierSummary;
use hoso_api_types::golive::NationalIdsRequest;
use hoso_domain::recruitment::{check_national_code, check_set_national_ids};
use hoso_domain::FieldErrors;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Enter the dossier's national identifier (mã định danh) and national dossier code (CTX-1), as
/// the national database assigned them: Sở Nội vụ's administrators only (the national sync will
/// write them too). Each is unique (409 `conflict` if another dossier has it); `null` clears.
/// Both are printed on the form and searchable (`GET /dossiers?q=`).
pub async fn save_dossier_national_ids(
    app: &App,
    session: Session,
    id: String,
    body: NationalIdsRequest,
) -> Result<DossierSummary, AppError> {
    check_set_national_ids(&session.actor)?;
    let clean = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let (identifier, code) = (
        clean(&body.national_identifier),
        clean(&body.national_dossier_code),
    );
    let mut errors = FieldErrors::new();
    for (field, value) in [
        ("national_identifier", &identifier),
        ("national_dossier_code", &code),
    ] {
        if let Some(Err(e)) = value.as_deref().map(|v| check_national_code(field, v)) {
            errors.push(e);
        }
    }
    errors.into_result()?;
    let summary = app
        .db(move |conn| {
            let found = hoso_store::dossiers::find(conn, &id)?.ok_or(AppError::NotFound)?;
            for value in [&identifier, &code].into_iter().flatten() {
                if hoso_store::dossiers::find_by_national_id(conn, value)?
                    .is_some_and(|other| other != found.dossier.id)
                {
                    return Err(AppError::Conflict {
                        code: "conflict",
                        message: format!("Mã «{value}» đã thuộc một hồ sơ khác."),
                    });
                }
            }
            conn.write_transaction(|conn| -> Result<(), AppError> {
                hoso_store::dossiers::set_national_ids(
                    conn,
                    &found.dossier.id,
                    identifier.as_deref(),
                    code.as_deref(),
                )?;
                let mut event = session.event("dossier.national_ids_set");
                event.target_type = Some("dossier".into());
                event.target_id = Some(found.dossier.id.clone());
                event.subject_person_id = Some(found.person.id.clone());
                event.unit_id = Some(found.person.unit_id.clone());
                event.details = Some(
                    serde_json::json!({"national_identifier": identifier, "national_dossier_code": code})
                        .to_string(),
                );
                crate::audit::record(conn, event)
            })?;
            let found = hoso_store::dossiers::find(conn, &found.dossier.id)?.ok_or(AppError::NotFound)?;
            Ok(super::summary(&found))
        })
        .await?;
    Ok(summary)
}

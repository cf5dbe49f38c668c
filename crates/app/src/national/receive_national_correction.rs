use hoso_api_types::national::NationalCorrectionView;
use hoso_domain::org::check_national_sync;
use hoso_store::national::{self as store, CorrectionRow};
use serde_json::Value;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Takes the Ministry's correction of a record a reconciliation found `different`: reads the
/// record as the national database holds it now, finds the items whose value differs from the
/// approved version, and keeps them as a proposal for the managing agency (reverse sync: never
/// written over the dossier). The difference is marked `correction_received`. Audited.
pub async fn receive_national_correction(
    app: &std::sync::Arc<App>,
    session: Session,
    difference_id: String,
) -> Result<NationalCorrectionView, AppError> {
    check_national_sync(&session.actor)?;
    let connection = super::connection(app)?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let app = &shared;
            super::consent::required(conn)?;
            let difference = store::find_difference(conn, &difference_id)?.ok_or(AppError::NotFound)?;
            let dossier_id = match (&difference.kind[..], &difference.resolution, &difference.dossier_id) {
                ("different", None, Some(dossier)) => dossier.clone(),
                (_, Some(_), _) => {
                    return Err(AppError::Conflict {
                        code: "already_resolved",
                        message: "Chênh lệch này đã được xử lý.".into(),
                    })
                }
                _ => {
                    return Err(AppError::Conflict {
                        code: "invalid_state",
                        message: "Chỉ nhận bản hiệu chỉnh cho hồ sơ có nội dung khác với cơ sở dữ liệu quốc gia."
                            .into(),
                    })
                }
            };
            let found = hoso_store::dossiers::find(conn, &dossier_id)?.ok_or(AppError::NotFound)?;
            let number = found.dossier.current_version;
            let version = hoso_store::dossiers::version(conn, &dossier_id, number)?.ok_or(AppError::NotFound)?;
            let ours = crate::dossiers::open_content(&app.data_keys, &version.content, version.sealed.as_deref())?;
            let citizen_id = ours
                .pointer("/identity/citizen_id")
                .and_then(Value::as_str)
                .ok_or_else(|| AppError::Conflict {
                    code: "invalid_state",
                    message: "Hồ sơ không có số căn cước để tra cứu.".into(),
                })?
                .to_owned();
            let id = hoso_store::ids::new_id();
            let path = format!("/cbccvc/v1/people/{citizen_id}");
            let answer = super::read(conn, app, &connection, &path, &id)?;
            if answer.status != 200 {
                return Err(super::refused_read(&answer));
            }
            let groups = answer.body.get("groups").cloned().unwrap_or(Value::Null);
            let (national, items) = hoso_domain::national::content_of_groups(&app.national.mapping, &groups);
            let changed = hoso_domain::national::differing_items(&items, &national, &ours);
            let (clear, secret) = hoso_domain::dossier::protection::split_sensitive(&national);
            let row = CorrectionRow {
                id,
                dossier_id: dossier_id.clone(),
                difference_id: Some(difference.id.clone()),
                national_identifier: difference.national_identifier.clone().unwrap_or_default(),
                version_number: number,
                content: hoso_domain::dossier::canonical_json(&clear),
                sealed: (!secret.is_empty()).then(|| {
                    app.data_keys
                        .seal(hoso_domain::dossier::canonical_json(&Value::Object(secret)).as_bytes())
                }),
                items: serde_json::to_string(&changed).expect("names serialise"),
                state: "open".into(),
                received_by: session.account.account.username.clone(),
                received_at: app.clock.now_naive(),
                decided_by: None,
                decided_at: None,
                note: None,
            };
            conn.write_transaction(|conn| -> Result<(), AppError> {
                store::insert_correction(conn, &row)?;
                store::resolve_difference(
                    conn,
                    &difference.id,
                    "correction_received",
                    &session.actor.account_id,
                    None,
                    row.received_at,
                )?;
                let mut event = crate::dossiers::event(&session, "national.correction_received", &found);
                event.details = Some(
                    serde_json::json!({"correction_id": row.id, "difference_id": difference.id, "items": changed})
                        .to_string(),
                );
                crate::audit::record(conn, event)
            })?;
            let level = hoso_domain::dossier::protection::level_for(&session.actor, false);
            correction_view(app, row, &ours, level)
        })
        .await?;
    Ok(view)
}

/// A correction as the reader may see it: each differing item with both values.
pub(crate) fn correction_view(
    app: &App,
    row: CorrectionRow,
    ours: &Value,
    level: hoso_domain::dossier::protection::RestrictionLevel,
) -> Result<NationalCorrectionView, AppError> {
    use hoso_domain::dossier::protection::redact;
    let national = crate::dossiers::open_content(&app.data_keys, &row.content, row.sealed.as_deref())?;
    let (national, ours) = (redact(&national, level), redact(ours, level));
    let items: Vec<String> = serde_json::from_str(&row.items).unwrap_or_default();
    let changes =
        items
            .into_iter()
            .filter_map(|item| {
                let pointer = hoso_domain::national::pointer_of(&item);
                let national = national.pointer(&pointer).cloned().unwrap_or(Value::Null);
                let ours = ours.pointer(&pointer).cloned().unwrap_or(Value::Null);
                // What the reader may not see is neither shown nor hinted at.
                (!national.is_null() || !ours.is_null())
                    .then_some(hoso_api_types::national::CorrectionChange { item, national, ours })
            })
            .collect();
    Ok(NationalCorrectionView {
        id: row.id,
        dossier_id: row.dossier_id,
        national_identifier: row.national_identifier,
        version_number: row.version_number,
        state: row.state,
        received_by: row.received_by,
        received_at: crate::views::utc(row.received_at),
        decided_by: row.decided_by,
        decided_at: row.decided_at.map(crate::views::utc),
        note: row.note,
        changes,
    })
}

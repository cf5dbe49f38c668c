use hoso_api_types::transfers::{CompleteTransfer, TransferView};
use hoso_domain::access::UnitPath;
use hoso_domain::transfer::{check_complete, TransferKind};
use hoso_store::{people, transfers};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Complete a move that waits for a second party: the receiving agency accepts a move between
/// agencies (TRF-2) — from that moment the person, their dossier and their personal account
/// answer to it and no longer to the sender; Sở Nội vụ fulfils an arrival (TRF-3: the person is
/// created in the receiving unit, with the national database's export attached; when their
/// national record was read with `POST /transfers/{id}/national-record`, their dossier is opened
/// with it as the first draft and keeps their national identifier — 409 `citizen_id_taken` when a
/// dossier of the province already holds that citizen ID) or records that a departure's data
/// moved (TRF-4).
pub async fn accept_transfer(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: CompleteTransfer,
) -> Result<TransferView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let row = transfers::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let kind = super::kind_of(&row)?;
            let to_unit = match &row.to_unit_id {
                Some(unit) => hoso_store::units::find(conn, unit)?,
                None => None,
            };
            let to_path = match &to_unit {
                Some(unit) => Some(UnitPath::parse(&unit.path).map_err(AppError::Internal)?),
                None => None,
            };
            let mut event = super::event(&session, "transfer.completed", &row);
            if let Err(denial) = check_complete(&session.actor, kind, to_path.as_ref()) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            if row.state != "pending" {
                return Err(AppError::Conflict {
                    code: "invalid_state",
                    message: "Việc điều động này đã được xử lý.".into(),
                });
            }
            if let Some(document) = &body.document_id {
                crate::dossiers::readable_document(conn, &session, document, "document_id")?;
            }
            // An arrival whose national record was read opens its dossier from it (DOS-5).
            let record = match kind {
                TransferKind::Arrival => hoso_store::national::record_of_transfer(conn, &row.id)?,
                _ => None,
            };
            if let Some(record) = &record {
                if hoso_store::dossiers::holder_of_citizen_hash(conn, &record.citizen_id_hash)?.is_some() {
                    return Err(AppError::Conflict {
                        code: "citizen_id_taken",
                        message: "Số căn cước của bản ghi quốc gia đã thuộc một hồ sơ trong tỉnh.".into(),
                    });
                }
            }
            let now = shared.clock.now_naive();
            let row = conn.write_transaction(|conn| -> Result<_, AppError> {
                let person = match (kind, &row.person_id, &to_unit) {
                    (TransferKind::BetweenAgencies, Some(person), Some(unit)) => {
                        people::move_to(conn, person, &unit.id, row.effective_on)?;
                        None
                    }
                    (TransferKind::Arrival, None, Some(unit)) => {
                        let person = people::insert(conn, &row.person_name, &unit.id)?.id;
                        if let Some(record) = &record {
                            crate::national::open_dossier_from_record(conn, &session, &person, &row, record)?;
                        }
                        Some(person)
                    }
                    _ => None,
                };
                let done = transfers::complete(
                    conn,
                    &row.id,
                    &session.actor.account_id,
                    now,
                    person.as_deref(),
                    body.document_id.as_deref(),
                    body.note.as_deref(),
                )?;
                event.subject_person_id = done.person_id.clone();
                event.details = Some(
                    serde_json::json!({"kind": kind.as_str(), "national_record": record.as_ref().map(|r| &r.id)})
                        .to_string(),
                );
                crate::audit::record(conn, event)?;
                Ok(done)
            })?;
            super::view(conn, &row, shared.clock.today())
        })
        .await?;
    Ok(view)
}

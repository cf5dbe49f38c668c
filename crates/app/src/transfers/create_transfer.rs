use hoso_api_types::transfers::{NewTransfer, TransferView};
use hoso_domain::access::UnitPath;
use hoso_domain::transfer::{check_file, due_on, ServiceStatus, TransferKind};
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::transfers::{self, NewTransfer as StoreTransfer};
use hoso_store::{accounts, people};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// File a move with its decision (TRF-1…5), by the HR unit over the person's unit
/// (`update_dossiers`). Within the agency it is done at once (the person and their personal
/// account move). Between agencies it waits for the receiving agency to accept. An arrival
/// from outside the province asks Sở Nội vụ to pull the person's data; a departure closes the
/// person's account, archives the dossier and asks Sở Nội vụ to move the national data. A
/// secondment lasts until `until_on`; retirement, resignation, dismissal and death close the
/// account and archive the dossier. Each is due in working days from `effective_on`.
pub async fn create_transfer(
    app: &std::sync::Arc<App>,
    session: Session,
    body: NewTransfer,
) -> Result<TransferView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let kind = body.kind;
            let mut errors = FieldErrors::new();
            let needs_destination = matches!(
                kind,
                TransferKind::WithinAgency | TransferKind::BetweenAgencies | TransferKind::Arrival
            );
            if needs_destination && body.to_unit_id.is_none() {
                errors.push(FieldError::new("to_unit_id", "required", "Chọn đơn vị đến."));
            }
            if matches!(kind, TransferKind::Arrival | TransferKind::Departure) && body.outside_body.is_none() {
                errors.push(FieldError::new("outside_body", "required", "Nhập cơ quan ngoài tỉnh."));
            }
            match (kind, body.until_on) {
                (TransferKind::Secondment, None) => {
                    errors.push(FieldError::new("until_on", "required", "Nhập ngày kết thúc biệt phái."))
                }
                (TransferKind::Secondment, Some(until)) if until <= body.effective_on => errors.push(FieldError::new(
                    "until_on",
                    "before_start",
                    "Ngày kết thúc biệt phái phải sau ngày bắt đầu.",
                )),
                _ => {}
            }
            if kind == TransferKind::Arrival && body.person_name.is_none() {
                errors.push(FieldError::new("person_name", "required", "Nhập họ tên người được tiếp nhận."));
            }
            if kind != TransferKind::Arrival && body.person_id.is_none() {
                errors.push(FieldError::new("person_id", "required", "Chọn người được điều động."));
            }
            errors.into_result()?;
            let to = match &body.to_unit_id {
                Some(id) => {
                    let unit = hoso_store::units::find(conn, id)?
                        .ok_or_else(|| FieldError::new("to_unit_id", "unknown_unit", "Không có đơn vị này."))?;
                    Some((UnitPath::parse(&unit.path).map_err(AppError::Internal)?, unit))
                }
                None => None,
            };
            let person = match &body.person_id {
                Some(id) => Some(people::find_with_unit_path(conn, id)?.ok_or(AppError::NotFound)?),
                None => None,
            };
            let from_path = match (&person, &to) {
                (Some((_, path)), _) => UnitPath::parse(path).map_err(AppError::Internal)?,
                (None, Some((path, _))) => path.clone(),
                (None, None) => return Err(AppError::NotFound),
            };
            let mut event = session.event("transfer.filed");
            event.subject_person_id = body.person_id.clone();
            event.right_used = Some("update_dossiers".into());
            if let Err(denial) = check_file(&session.actor, kind, &from_path, to.as_ref().map(|(p, _)| p)) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            if let Some((row, _)) = &person {
                crate::workflow::refuse_if_archived(&row.service_status)?;
                let pending = transfers::of_person(conn, &row.id)?.into_iter().any(|t| t.state == "pending");
                if pending {
                    return Err(AppError::Conflict {
                        code: "transfer_pending",
                        message: "Người này đang có một việc điều động chờ tiếp nhận.".into(),
                    });
                }
            }
            if let Some(document) = &body.decision.document_id {
                crate::dossiers::readable_document(conn, &session, document, "decision.document_id")?;
            }
            let (profile, calendar) = crate::workflow::rules(conn)?;
            let due = due_on(&profile, &calendar, kind, body.effective_on);
            let now = shared.clock.now_naive();
            let person_name = match &person {
                Some((row, _)) => row.full_name.clone(),
                None => body.person_name.clone().unwrap_or_default(),
            };
            let row = conn.write_transaction(|conn| -> Result<_, AppError> {
                let row = transfers::create(
                    conn,
                    StoreTransfer {
                        kind: kind.as_str(),
                        person_id: body.person_id.as_deref(),
                        person_name: &person_name,
                        from_unit_id: person.as_ref().map(|(p, _)| p.unit_id.as_str()),
                        to_unit_id: to.as_ref().map(|(_, u)| u.id.as_str()),
                        outside_body: body.outside_body.as_deref(),
                        decision_number: &body.decision.number,
                        decision_date: body.decision.date,
                        decision_signer: &body.decision.signer,
                        decision_document_id: body.decision.document_id.as_deref(),
                        effective_on: body.effective_on,
                        until_on: body.until_on,
                        note: body.note.as_deref(),
                        due_on: due,
                        filed_by: &session.actor.account_id,
                        at: now,
                    },
                )?;
                let person_id = body.person_id.as_deref().unwrap_or_default();
                let row = match kind {
                    TransferKind::WithinAgency => {
                        let (_, unit) = to.as_ref().expect("checked above");
                        people::move_to(conn, person_id, &unit.id, body.effective_on)?;
                        transfers::complete(conn, &row.id, &session.actor.account_id, now, None, None, None)?
                    }
                    TransferKind::BetweenAgencies | TransferKind::Arrival => row,
                    TransferKind::Departure => {
                        people::set_service_status(conn, person_id, ServiceStatus::TransferredOut.as_str(), body.effective_on)?;
                        accounts::make_personal_read_only(conn, person_id, body.effective_on)?;
                        row
                    }
                    TransferKind::Secondment => {
                        people::set_service_status(conn, person_id, ServiceStatus::Seconded.as_str(), body.effective_on)?;
                        transfers::complete(conn, &row.id, &session.actor.account_id, now, None, None, None)?
                    }
                    TransferKind::Retirement | TransferKind::Resignation | TransferKind::Dismissal | TransferKind::Death => {
                        people::set_service_status(conn, person_id, kind.status_after().as_str(), body.effective_on)?;
                        // SEC-3: the person keeps reading their own dossier; only a death closes it.
                        if kind == TransferKind::Death {
                            accounts::close_personal(conn, person_id)?;
                        } else {
                            accounts::make_personal_read_only(conn, person_id, body.effective_on)?;
                        }
                        transfers::complete(conn, &row.id, &session.actor.account_id, now, None, None, None)?
                    }
                };
                if kind.ends_service_here() {
                    crate::national::queue_status_change(
                        conn,
                        &shared,
                        person_id,
                        &crate::jobs::QueuedBy::account(&session),
                    )?;
                }
                let mut event = super::event(&session, "transfer.filed", &row);
                event.details = Some(
                    serde_json::json!({"kind": kind.as_str(), "decision": body.decision.number, "due_on": due, "state": row.state})
                        .to_string(),
                );
                crate::audit::record(conn, event)?;
                Ok(row)
            })?;
            super::view(conn, &row, shared.clock.today())
        })
        .await?;
    Ok(view)
}

//! Transfers, arrivals, departures and the end of service (TRF-1…5). Each move is a dated
//! record with its decision, in the person's history and the audit trail; the rules are in
//! `hoso_domain::transfer`.

pub mod accept_transfer;
pub mod create_transfer;
pub mod list_transfers;
pub mod return_transfer;
pub use accept_transfer::accept_transfer;
pub use create_transfer::create_transfer;
pub use list_transfers::list_transfers;
pub use return_transfer::return_transfer;

use crate::error::AppError;
use chrono::NaiveDate;
use hoso_api_types::transfers::TransferView;
use hoso_api_types::units::UnitRef;
use hoso_domain::transfer::TransferKind;
use hoso_store::transfers::TransferRow;
use hoso_store::DbConnection;

pub fn kind_of(row: &TransferRow) -> Result<TransferKind, AppError> {
    TransferKind::parse(&row.kind).ok_or_else(|| AppError::Internal(format!("transfer kind '{}'", row.kind)))
}

fn unit_ref(conn: &mut DbConnection, id: Option<&str>) -> Result<Option<UnitRef>, AppError> {
    let Some(id) = id else { return Ok(None) };
    Ok(hoso_store::units::find(conn, id)?.map(|u| UnitRef {
        id: u.id,
        name: u.name,
    }))
}

pub fn view(conn: &mut DbConnection, row: &TransferRow, today: NaiveDate) -> Result<TransferView, AppError> {
    let kind = kind_of(row)?;
    Ok(TransferView {
        id: row.id.clone(),
        kind,
        kind_label: kind.label_vi().into(),
        state: row.state.clone(),
        person_id: row.person_id.clone(),
        person_name: row.person_name.clone(),
        from_unit: unit_ref(conn, row.from_unit_id.as_deref())?,
        to_unit: unit_ref(conn, row.to_unit_id.as_deref())?,
        outside_body: row.outside_body.clone(),
        decision_number: row.decision_number.clone(),
        decision_date: row.decision_date,
        decision_signer: row.decision_signer.clone(),
        decision_document_id: row.decision_document_id.clone(),
        effective_on: row.effective_on,
        until_on: row.until_on,
        note: row.note.clone(),
        due_on: row.due_on,
        overdue: row.state == "pending" && row.due_on < today,
        filed_at: crate::views::utc(row.filed_at),
        completed_at: row.completed_at.map(crate::views::utc),
        completion_note: row.completion_note.clone(),
        returned_at: row.returned_at.map(crate::views::utc),
    })
}

/// An audit event about a move of a person.
pub fn event(
    session: &crate::session::Session,
    action: &str,
    row: &TransferRow,
) -> hoso_store::audit::NewAuditEvent {
    let mut event = session.event(action);
    event.target_type = Some("transfer".into());
    event.target_id = Some(row.id.clone());
    event.subject_person_id = row.person_id.clone();
    event.unit_id = row.from_unit_id.clone().or_else(|| row.to_unit_id.clone());
    event.right_used = Some("update_dossiers".into());
    event
}

//! Agencies propose new units under them; Sở Nội vụ approves (the unit is created as
//! `POST /units` would) or rejects (ORG-1, ACC-7).

pub mod approve_unit_request;
pub mod create_unit_request;
pub mod list_unit_requests;
pub mod reject_unit_request;
pub use approve_unit_request::approve_unit_request;
pub use create_unit_request::create_unit_request;
pub use list_unit_requests::list_unit_requests;
pub use reject_unit_request::reject_unit_request;

use crate::error::AppError;
use crate::session::Session;
use hoso_api_types::golive::UnitProposalView;
use hoso_api_types::units::UnitRef;
use hoso_store::unit_requests::UnitRequestRow;
use hoso_store::DbConnection;

pub fn view(row: UnitRequestRow, parent_name: String) -> UnitProposalView {
    UnitProposalView {
        id: row.id,
        parent: UnitRef {
            id: row.parent_id,
            name: parent_name,
        },
        code: row.code,
        name: row.name,
        kind: row.kind,
        effective_date: row.effective_date,
        reason: row.reason,
        decision_number: row.decision_number,
        status: row.status,
        decision_note: row.decision_note,
        created_unit_id: row.created_unit_id,
        created_at: crate::views::utc(row.created_at),
    }
}

/// A pending request with its parent's name, or 409 `already_decided`.
pub fn load_pending(conn: &mut DbConnection, id: &str) -> Result<(UnitRequestRow, String), AppError> {
    let (row, parent) = hoso_store::unit_requests::find(conn, id)?.ok_or(AppError::NotFound)?;
    if row.status != "pending" {
        return Err(AppError::Conflict {
            code: "already_decided",
            message: "Đề nghị này đã được quyết định.".into(),
        });
    }
    Ok((row, parent))
}

/// What Sở Nội vụ decided on a pending request.
pub struct Decided {
    /// `approved` or `rejected`.
    pub status: &'static str,
    pub note: Option<String>,
    pub created_unit_id: Option<String>,
    /// Kept in the audit line (a rejection's reason).
    pub reason: Option<String>,
}

/// Records the decision on the request (who, when, the note), refusing one decided meanwhile,
/// and its audit line `unit_request.<status>`.
pub fn record_decision(
    conn: &mut DbConnection,
    session: &Session,
    (mut row, parent): (UnitRequestRow, String),
    decided: Decided,
) -> Result<UnitProposalView, AppError> {
    row.status = decided.status.into();
    row.decided_by = Some(session.actor.account_id.clone());
    row.decided_at = Some(chrono::Utc::now().naive_utc());
    row.decision_note = decided.note;
    row.created_unit_id = decided.created_unit_id;
    hoso_store::unit_requests::decide(conn, &row)?;
    let mut event = session.event(&format!("unit_request.{}", decided.status));
    event.target_type = Some("unit_request".into());
    event.target_id = Some(row.id.clone());
    event.unit_id = row.created_unit_id.clone();
    event.reason = decided.reason;
    crate::audit::record(conn, event)?;
    Ok(view(row, parent))
}

use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};
use hoso_domain::org::check_manage_units;
use hoso_domain::FieldError;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Sở Nội vụ rejects a proposal, saying why (`note` required).
pub async fn reject_unit_request(
    app: &App,
    session: Session,
    id: String,
    body: UnitProposalDecision,
) -> Result<UnitProposalView, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let note = body
        .note
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| FieldError::new("note", "required", "Nhập lý do từ chối."))?;
    let view = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let pending = super::load_pending(conn, &id)?;
                let decided = super::Decided {
                    status: "rejected",
                    note: Some(note.clone()),
                    created_unit_id: None,
                    reason: Some(note.clone()),
                };
                super::record_decision(conn, &session, pending, decided)
            })
        })
        .await?;
    Ok(view)
}

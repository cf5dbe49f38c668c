use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};
use hoso_api_types::units::{CreateUnitRequest, TreeChange};
use hoso_domain::org::check_manage_units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Sở Nội vụ approves a proposal: the unit is created exactly as `POST /units` creates it
/// (same checks: code unused, parent existing, date not in the future), in the same
/// transaction as the decision.
pub async fn approve_unit_request(
    app: &App,
    session: Session,
    id: String,
    body: UnitProposalDecision,
) -> Result<UnitProposalView, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let today = app.clock.today();
    let view = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let (row, parent) = super::load_pending(conn, &id)?;
                let decision = row.decision_number.clone().map(|number| DecisionRef {
                    number,
                    date: row.decision_date.unwrap_or(row.effective_date),
                    signer: row.decision_signer.clone().unwrap_or_default(),
                    document_id: row.decision_document_id.clone(),
                });
                let request = CreateUnitRequest {
                    code: row.code.clone(),
                    name: row.name.clone(),
                    kind: row.kind.clone(),
                    parent_id: row.parent_id.clone(),
                    change: TreeChange {
                        effective_date: row.effective_date,
                        reason: row.reason.clone(),
                        decision,
                    },
                };
                let unit = crate::units::insert_unit(conn, &session, &request, today)?;
                let decided = super::Decided {
                    status: "approved",
                    note: body.note.clone(),
                    created_unit_id: Some(unit.id),
                    reason: None,
                };
                super::record_decision(conn, &session, (row, parent), decided)
            })
        })
        .await?;
    Ok(view)
}

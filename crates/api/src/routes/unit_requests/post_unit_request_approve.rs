use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::accounts::DecisionRef;
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};
use hoso_api_types::units::{CreateUnitRequest, TreeChange};
use hoso_domain::org::check_manage_units;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Sở Nội vụ approves a proposal: the unit is created exactly as `POST /units` creates it
/// (same checks: code unused, parent existing, date not in the future), in the same
/// transaction as the decision.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Request id")),
    request_body(content = UnitProposalDecision, example = json!({"note": "Đồng ý theo Quyết định 12/QĐ-UBND"})),
    responses(
        (status = 200, description = "Approved; `created_unit_id` is the new unit.", body = UnitProposalView),
        (status = 409, description = "`already_decided` or `code_taken`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/unit-requests/{id}/approve")]
pub async fn post_unit_request_approve(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<UnitProposalDecision>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    let body = body.into_inner();
    body.validate()?;
    let today = state.clock.today();
    let id = id.into_inner();
    let view = state
        .db(move |conn| {
            conn.transaction(|conn| {
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
                let unit = hoso_app::units::insert_unit(conn, &session, &request, today)?;
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
    Ok(HttpResponse::Ok().json(view))
}

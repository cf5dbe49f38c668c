use actix_web::{post, web, HttpResponse};
use chrono::Utc;
use diesel::Connection;
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};
use hoso_domain::org::check_manage_units;
use hoso_domain::FieldError;
use validator::Validate;

use crate::auth::Session;
use crate::error::ApiError;
use crate::state::AppState;

/// Sở Nội vụ rejects a proposal, saying why (`note` required).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Request id")),
    request_body(content = UnitProposalDecision, example = json!({"note": "Chưa có quyết định thành lập của UBND tỉnh"})),
    responses(
        (status = 200, description = "Rejected.", body = UnitProposalView),
        (status = 409, description = "`already_decided`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/unit-requests/{id}/reject")]
pub async fn post_unit_request_reject(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<UnitProposalDecision>,
) -> Result<HttpResponse, ApiError> {
    check_manage_units(&session.actor)?;
    let body = body.into_inner();
    body.validate()?;
    let note = body
        .note
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| FieldError::new("note", "required", "Nhập lý do từ chối."))?;
    let id = id.into_inner();
    let view = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let (mut row, _) = super::load_pending(conn, &id)?;
                row.status = "rejected".into();
                row.decided_by = Some(session.actor.account_id.clone());
                row.decided_at = Some(Utc::now().naive_utc());
                row.decision_note = Some(note.clone());
                hoso_store::unit_requests::decide(conn, &row)?;
                let mut event = session.event("unit_request.rejected");
                event.target_type = Some("unit_request".into());
                event.target_id = Some(row.id.clone());
                event.reason = Some(note.clone());
                crate::audit::record(conn, event)?;
                let parent = hoso_store::units::find(conn, &row.parent_id)?
                    .map(|u| u.name)
                    .unwrap_or_default();
                Ok(super::view(row, parent))
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};
use hoso_domain::org::check_manage_units;
use hoso_domain::FieldError;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
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
) -> Result<HttpResponse, HttpError> {
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
    Ok(HttpResponse::Ok().json(view))
}

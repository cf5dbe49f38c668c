use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};

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
    body: crate::json::Json<UnitProposalDecision>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::unit_requests::approve_unit_request(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{UnitProposalRequest, UnitProposalView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// An agency proposes a unit under one of its own (ACC-7): agency accounts with
/// `manage_accounts` or `manage_positions` over the parent. Sở Nội vụ decides.
#[utoipa::path(
    tag = super::TAG,
    request_body(content = UnitProposalRequest, example = json!({"parent_id": "…", "code": "HY.SGDDT.THPT-TB", "name": "Trường THPT Tiên Lữ B", "kind": "public_service_unit", "effective_date": "2026-11-20", "reason": "Thành lập theo quyết định của UBND tỉnh"})),
    responses(
        (status = 201, description = "Filed, pending.", body = UnitProposalView),
        (status = 409, description = "`code_taken`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/unit-requests")]
pub async fn post_unit_request(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<UnitProposalRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::unit_requests::create_unit_request(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{UnitProposalDecision, UnitProposalView};

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
    body: crate::json::Json<UnitProposalDecision>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::unit_requests::reject_unit_request(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

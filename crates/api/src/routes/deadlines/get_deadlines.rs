use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::DeadlineDashboard;
use hoso_app::deadlines::list_deadlines::DeadlineQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Everything due in the caller's scope (WF-8, HY 15.3, TG 14.3): first entries not yet
/// submitted (WF-1), checks, head signatures, change approvals, Sở Nội vụ approvals, returned
/// dossiers waiting for the employee, recruits still without their personal account (ACC-6),
/// people an open update campaign still waits for, moves
/// waiting for the receiving agency or Sở Nội vụ (TRF-2…4) and secondments ending (TRF-5); each with its due date in working days and the
/// officers who may act; counted by unit and by officer.
#[utoipa::path(
    tag = super::TAG,
    params(DeadlineQuery),
    responses((status = 200, description = "The dashboard, the earliest due first.", body = DeadlineDashboard)),
    security(("bearer" = []))
)]
#[get("/deadlines")]
pub async fn get_deadlines(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<DeadlineQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::deadlines::list_deadlines(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

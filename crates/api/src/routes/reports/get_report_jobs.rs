use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ReportJobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's recent report jobs, newest first (without their reports).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The jobs.", body = Vec<ReportJobView>)),
    security(("bearer" = []))
)]
#[get("/report-jobs")]
pub async fn get_report_jobs(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::reports::list_report_jobs(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}

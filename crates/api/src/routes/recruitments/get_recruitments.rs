use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::RecruitmentView;
use hoso_app::recruitments::list_recruitments::RecruitmentQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Recruits in the caller's scope, the earliest account deadline first, each with its due day
/// and whether the account exists (ACC-6). Requires `manage_accounts` or `create_dossiers`.
#[utoipa::path(
    tag = super::TAG,
    params(RecruitmentQuery),
    responses((status = 200, description = "Recruitments, the earliest account deadline first (at most 1,000).", body = [RecruitmentView])),
    security(("bearer" = []))
)]
#[get("/recruitments")]
pub async fn get_recruitments(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<RecruitmentQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::recruitments::list_recruitments(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

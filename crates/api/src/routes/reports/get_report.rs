use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ReportView;
use hoso_app::reports::make_report::ReportQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One report, for a unit's subtree or the province, today or as of a past date, counted from
/// the approved dossiers of people in service (archived ones are not counted). For a large past
/// report prefer `POST /report-jobs`, which shows progress.
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = super::KIND_LIST), ReportQuery),
    responses(
        (status = 200, description = "The report (or its file).", body = ReportView),
        (status = 422, description = "`as_of_in_future`, `as_of_not_supported`, `unit_not_existing`, `invalid_choice` (format).")
    ),
    security(("bearer" = []))
)]
#[get("/reports/{kind}")]
pub async fn get_report(
    session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
    query: web::Query<ReportQuery>,
) -> Result<HttpResponse, HttpError> {
    let answer =
        hoso_app::reports::make_report(&state, session.0, kind.into_inner(), query.into_inner()).await?;
    Ok(crate::export::page_or_file(answer))
}

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use hoso_api_types::reports::ReportView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::export::FileFormat;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportQuery {
    /// The unit whose subtree is counted; the whole province when absent.
    pub unit_id: Option<String>,
    /// The day the figures stand on (default today): the tree, the placements and the dossier
    /// versions of that day. Not for `quota` and `update_status`.
    pub as_of: Option<NaiveDate>,
    /// `json` (default), `csv`, `xlsx` or `pdf`.
    pub format: Option<String>,
}

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
    super::require_report_reader(&session)?;
    let kind = super::kind(&kind)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    let today = state.clock.today();
    let query = query.into_inner();
    let report = state
        .db(move |conn| {
            let request =
                super::ReportRequest::new(conn, kind, query.unit_id.as_deref(), query.as_of, today)?;
            super::make(conn, &request, &mut |_, _| {})
        })
        .await?;
    respond(&report, format, &state.province_name)
}

/// The report as JSON, or as the file asked for.
pub(crate) fn respond(
    report: &ReportView,
    format: Option<FileFormat>,
    province: &str,
) -> Result<HttpResponse, HttpError> {
    match format {
        Some(format) => crate::export::respond(
            &super::table(report, province),
            format,
            &format!("bao-cao-{}-{}", report.kind, report.as_of),
        ),
        None => Ok(HttpResponse::Ok().json(report)),
    }
}

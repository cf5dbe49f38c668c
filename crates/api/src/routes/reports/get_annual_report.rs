use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::AnnualReportView;
use hoso_app::reports::make_annual_report::AnnualReportQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The annual headcount report as sent to the Ministry of Home Affairs (HY 14.1, TG 16.8,
/// USE-3): people in service with an approved dossier by civil-service grade, by professional
/// title and by job position, one row per unit under the one asked for (a unit with units
/// under it has a row of its own people and a subtotal), the total last; as of 31 December of
/// the year, or today while the year runs. As a file (`xlsx`: a sheet per breakdown; `pdf`)
/// it carries the report's letterhead, period, date and signer; files need `export`.
#[utoipa::path(
    tag = super::TAG,
    params(("year" = i32, Path, description = "1945 to this year.", example = 2025), AnnualReportQuery),
    responses(
        (status = 200, description = "The report (or its file).", body = AnnualReportView),
        (status = 403, description = "A personal account, or a file without `export`."),
        (status = 404, description = "No such unit."),
        (status = 422, description = "`out_of_range` (year), `unit_not_existing` (not in the tree on that day), `too_long` (signer), `invalid_choice` (format).")
    ),
    security(("bearer" = []))
)]
#[get("/annual-reports/{year}")]
pub async fn get_annual_report(
    session: Session,
    state: web::Data<AppState>,
    year: web::Path<i32>,
    query: web::Query<AnnualReportQuery>,
) -> Result<HttpResponse, HttpError> {
    let answer =
        hoso_app::reports::make_annual_report(&state, session.0, year.into_inner(), query.into_inner())
            .await?;
    Ok(crate::export::page_or_file(answer))
}

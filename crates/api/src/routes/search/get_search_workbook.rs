use actix_web::{get, web, HttpResponse};
use hoso_api_types::search::SearchCriteria;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The results of a search written into the staff import template (`GET
/// /imports/templates/staff`): each person's working draft on «Nhân sự» and on every section
/// sheet, up to 50,000 people, so that a unit can correct its people in Excel and import the
/// file again (unchanged people stay unchanged). Restricted fields are written (the citizen
/// ID keys every row), so it needs `read_dossiers`, `export_data`, `update_dossiers` and
/// `read_sensitive_fields` (SEC-2); each dossier's export is audited `dossier.exported`.
#[utoipa::path(
    tag = super::TAG,
    params(SearchCriteria),
    responses(
        (status = 200, description = "The filled template.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 403, description = "Missing one of the rights, or not every field in view."),
    ),
    security(("bearer" = []))
)]
#[get("/search/workbook")]
pub async fn get_search_workbook(
    session: Session,
    state: web::Data<AppState>,
    criteria: web::Query<SearchCriteria>,
) -> Result<HttpResponse, HttpError> {
    let file = hoso_app::imports::export_search_workbook(&state, session.0, criteria.into_inner()).await?;
    Ok(crate::export::file_response(file))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ListView;
use hoso_app::lists::make_list::ListQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One of the lists, within the caller's scope (`read_dossiers`), by due date then name; or as
/// a file. Raises follow the grade's scale (36 months for A0–A3, 24 for B and C; beyond-frame
/// 5 % then 1 % a year); retirement follows the roadmap of Decree 135/2020.
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = "salary_step, beyond_frame, retirement, contract_expiring, not_approved, position_requirement (holders of a post whose approved grade or title does not meet what the post requires)"), ListQuery),
    responses(
        (status = 200, description = "The list (or its file).", body = ListView),
        (status = 422, description = "`invalid_period` (from after until), `invalid_choice` (format).")
    ),
    security(("bearer" = []))
)]
#[get("/lists/{kind}")]
pub async fn get_list(
    session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, HttpError> {
    let answer = hoso_app::lists::make_list(&state, session.0, kind.into_inner(), query.into_inner()).await?;
    Ok(crate::export::page_or_file(answer))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::search::{SearchCriteria, SearchPage};
use hoso_app::search::search_dossiers::PageQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Dossiers in service within the caller's scope matching every criterion given — their
/// approved versions, or their working drafts with `drafts=true` (`update_dossiers`) — in the
/// chosen order, a page at a time (`read_dossiers`); or all of them as CSV, Excel or PDF. Only
/// fields every reader may see are searched and shown (SEC-2).
#[utoipa::path(
    tag = super::TAG,
    params(SearchCriteria, PageQuery),
    responses((status = 200, description = "A page of results, or the file.", body = SearchPage)),
    security(("bearer" = []))
)]
#[get("/search")]
pub async fn get_search(
    session: Session,
    state: web::Data<AppState>,
    criteria: web::Query<SearchCriteria>,
    page: web::Query<PageQuery>,
) -> Result<HttpResponse, HttpError> {
    let answer =
        hoso_app::search::search_dossiers(&state, session.0, criteria.into_inner(), page.into_inner())
            .await?;
    Ok(crate::export::page_or_file(answer))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::NationalMessageList;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct NationalMessageQuery {
    /// `queued`, `sending`, `acknowledged` or `dead`; other values are 422 `invalid_choice`.
    #[param(example = "dead")]
    pub state: Option<String>,
    /// Only messages older than this one (the previous page's `next_before`).
    pub before: Option<String>,
}

/// The outbox to the national CBCCVC database, newest first, 100 a page: each message (a
/// version Sở Nội vụ approved, or the end of a person's service) with its state, attempts, the
/// national codes acknowledged, and for a refused one the reason in Vietnamese; the count in
/// each state; whether a connection is configured. Administrators holding
/// `manage_api_clients` (403 for anyone else, audited).
#[utoipa::path(
    tag = super::TAG,
    params(NationalMessageQuery),
    responses(
        (status = 200, description = "One page of messages.", body = NationalMessageList),
        (status = 403, description = "Not an administrator holding manage_api_clients."),
        (status = 422, description = "`invalid_choice` (state), `unknown_message` (before).")
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/messages")]
pub async fn get_national_messages(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<NationalMessageQuery>,
) -> Result<HttpResponse, HttpError> {
    let query = query.into_inner();
    let page =
        hoso_app::national::list_national_messages(&state, session.0, query.state, query.before).await?;
    Ok(HttpResponse::Ok().json(page))
}

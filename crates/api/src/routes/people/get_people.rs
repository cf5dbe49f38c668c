use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::PersonSummary;
use hoso_app::people::list_people::PeopleQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// People managed within the signed-in account's scope, by name, with whether each has a
/// personal account. Requires `read_dossiers` or `manage_accounts` (SEC-3).
#[utoipa::path(
    tag = super::TAG,
    params(PeopleQuery),
    responses((status = 200, description = "People by name.", body = [PersonSummary])),
    security(("bearer" = []))
)]
#[get("/people")]
pub async fn get_people(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<PeopleQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::people::list_people(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::ReviewView;
use hoso_app::change_requests::list_change_requests::ChangeRequestQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Change requests the caller may read: their own, or those of the people in their scope.
#[utoipa::path(
    tag = super::TAG,
    params(ChangeRequestQuery),
    responses((status = 200, description = "Change requests, the most urgent first.", body = [ReviewView])),
    security(("bearer" = []))
)]
#[get("/change-requests")]
pub async fn get_change_requests(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ChangeRequestQuery>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::change_requests::list_change_requests(&state.app, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

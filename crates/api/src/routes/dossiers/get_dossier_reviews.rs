use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::ReviewView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The dossier's reviews, newest first: each submission, check, return with its reason (what
/// the employee reads when something is sent back, WF-5), signature and approval.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The reviews.", body = [ReviewView])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/reviews")]
pub async fn get_dossier_reviews(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::list_dossier_reviews(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

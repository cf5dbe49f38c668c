use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::ReviewView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One review with its history, checklist, evidence and signatures; for whoever may read the
/// dossier (the employee reads why it was returned here).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    responses((status = 200, description = "The review.", body = ReviewView)),
    security(("bearer" = []))
)]
#[get("/approvals/{id}")]
pub async fn get_approval(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::approvals::read_approval(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

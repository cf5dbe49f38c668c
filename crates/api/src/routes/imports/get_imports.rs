use actix_web::{get, web, HttpResponse};
use hoso_api_types::imports::ImportView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's imports, newest first, at most 100 (Sở Nội vụ: everyone's), each without its
/// issues (`GET /imports/{id}` has them).
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "Imports.", body = Vec<ImportView>),
        (status = 403, description = "Not an account that may import."),
    ),
    security(("bearer" = []))
)]
#[get("/imports")]
pub async fn get_imports(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let list = hoso_app::imports::list_imports(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(list))
}

use actix_web::{post, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Mark one of the caller's notifications read (404 for anyone else's).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Notification id")),
    responses((status = 204, description = "Marked read.")),
    security(("bearer" = []))
)]
#[post("/me/notifications/{id}/read")]
pub async fn post_my_notification_read(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    hoso_app::me::mark_notification_read(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

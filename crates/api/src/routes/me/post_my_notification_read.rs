use actix_web::{post, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

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
    let at = state.clock.now_naive();
    let marked = state
        .db(move |conn| {
            Ok(hoso_store::campaigns::mark_read(
                conn,
                &session.actor.account_id,
                &id,
                at,
            )?)
        })
        .await?;
    if !marked {
        return Err(AppError::NotFound.into());
    }
    Ok(HttpResponse::NoContent().finish())
}

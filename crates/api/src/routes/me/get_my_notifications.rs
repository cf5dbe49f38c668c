use actix_web::{get, web, HttpResponse};
use hoso_api_types::campaigns::NotificationView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's in-app notifications (campaigns opened, dossiers returned), newest first.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Notifications.", body = [NotificationView])),
    security(("bearer" = []))
)]
#[get("/me/notifications")]
pub async fn get_my_notifications(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::me::list_my_notifications(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}

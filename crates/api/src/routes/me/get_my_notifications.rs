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
    let rows = state
        .db(move |conn| {
            Ok(hoso_store::campaigns::notifications_of(
                conn,
                &session.actor.account_id,
                100,
            )?)
        })
        .await?;
    let views: Vec<NotificationView> = rows
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            link: n.link,
            created_at: hoso_app::views::utc(n.created_at),
            read_at: n.read_at.map(hoso_app::views::utc),
        })
        .collect();
    Ok(HttpResponse::Ok().json(views))
}

use hoso_api_types::campaigns::NotificationView;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's in-app notifications (campaigns opened, dossiers returned), newest first.
pub async fn list_my_notifications(app: &App, session: Session) -> Result<Vec<NotificationView>, AppError> {
    let rows = app
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
            created_at: crate::views::utc(n.created_at),
            read_at: n.read_at.map(crate::views::utc),
        })
        .collect();
    Ok(views)
}

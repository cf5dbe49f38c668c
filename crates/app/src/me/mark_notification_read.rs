use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Mark one of the caller's notifications read (404 for anyone else's).
pub async fn mark_notification_read(app: &App, session: Session, id: String) -> Result<(), AppError> {
    let at = app.clock.now_naive();
    let marked = app
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
        return Err(AppError::NotFound);
    }
    Ok(())
}

use hoso_api_types::accounts::{ApiClientView, DecideRequest};
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Revoke a client for good: its tokens stop working at once.
pub async fn revoke_api_client(
    app: &App,
    session: Session,
    id: String,
    body: DecideRequest,
) -> Result<ApiClientView, AppError> {
    check_manage_api_clients(&session.actor)?;
    body.validate()?;
    let (id, note) = (id, body.note);
    let row = app
        .db(move |conn| {
            let mut row = api_clients::find(conn, &id)?.ok_or(AppError::NotFound)?;
            row.status = "revoked".into();
            row.auth_version += 1;
            let row = api_clients::save(conn, &row)?;
            let mut event = session.event("api_client.revoked");
            event.target_type = Some("api_client".into());
            event.target_id = Some(row.id.clone());
            event.right_used = Some("manage_api_clients".into());
            event.reason = Some(note);
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(views::api_client(&row))
}

use hoso_api_types::accounts::IssuedClientSecret;
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;

use crate::error::AppError;
use crate::secrets;
use crate::session::Session;
use crate::views;
use crate::App;

/// Issue a new secret; the old one and every token obtained with it stop working at once.
pub async fn rotate_api_client_secret(
    app: &App,
    session: Session,
    id: String,
) -> Result<IssuedClientSecret, AppError> {
    check_manage_api_clients(&session.actor)?;
    let secret = secrets::random_token();
    let digest = secrets::digest(&secret);
    let row = app
        .db(move |conn| {
            let mut row = api_clients::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if row.status != "active" {
                return Err(super::super::accounts::invalid_state("Kết nối đã bị thu hồi."));
            }
            row.secret_hash = digest;
            row.auth_version += 1;
            let row = api_clients::save(conn, &row)?;
            let mut event = session.event("api_client.secret_rotated");
            event.target_type = Some("api_client".into());
            event.target_id = Some(row.id.clone());
            event.right_used = Some("manage_api_clients".into());
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(IssuedClientSecret {
        client: views::api_client(&row),
        client_secret: secret,
    })
}

use hoso_api_types::auth::RefreshRequest;
use hoso_store::refresh_tokens;

use crate::error::AppError;
use crate::secrets;
use crate::session::Session;
use crate::App;

/// Sign out: the refresh token and every token rotated from the same sign-in stop working.
pub async fn sign_out(app: &App, session: Session, body: RefreshRequest) -> Result<(), AppError> {
    let digest = secrets::digest(&body.refresh_token);
    let account_id = session.account.account.id.clone();
    let event = session.event("auth.sign_out");
    app.db(move |conn| {
        if let Some(token) = refresh_tokens::find_by_hash(conn, &digest)? {
            if token.account_id == account_id {
                refresh_tokens::revoke_family(conn, &token.family_id)?;
            }
        }
        crate::audit::record(conn, event)
    })
    .await?;
    Ok(())
}

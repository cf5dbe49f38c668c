use hoso_api_types::accounts::{CreateApiClientRequest, IssuedClientSecret};
use hoso_domain::access::check_manage_api_clients;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::api_clients;
use validator::Validate;

use crate::error::AppError;
use crate::secrets;
use crate::session::Session;
use crate::views;
use crate::App;

/// Register another system. The answer holds its `client_id` and secret; the secret is shown
/// this once and stored only as a digest.
pub async fn create_api_client(
    app: &App,
    session: Session,
    body: CreateApiClientRequest,
) -> Result<IssuedClientSecret, AppError> {
    check_manage_api_clients(&session.actor)?;
    body.validate()?;
    let mut errors = FieldErrors::new();
    for (index, scope) in body.scopes.iter().enumerate() {
        if !super::SCOPES.contains(&scope.as_str()) {
            errors.push(FieldError::new(
                format!("scopes[{index}]"),
                "unknown_scope",
                format!("Phạm vi '{scope}' không tồn tại."),
            ));
        }
    }
    errors.into_result()?;
    let secret = secrets::random_token();
    let client_id = format!("hoso-{}", &secrets::random_token()[..16]);
    let digest = secrets::digest(&secret);
    let row = app
        .db(move |conn| {
            let row = api_clients::insert(
                conn,
                &client_id,
                body.name.trim(),
                &body.scopes.join(" "),
                body.consent_reference.trim(),
                &digest,
                &session.account.account.id,
            )?;
            let mut event = session.event("api_client.created");
            event.target_type = Some("api_client".into());
            event.target_id = Some(row.id.clone());
            event.right_used = Some("manage_api_clients".into());
            event.reason = Some(row.consent_reference.clone());
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(IssuedClientSecret {
        client: views::api_client(&row),
        client_secret: secret,
    })
}

use hoso_api_types::auth::{ClientTokenRequest, ClientTokenResponse};
use hoso_store::api_clients;

use crate::error::AppError;
use crate::secrets;
use crate::session::RequestMeta;
use crate::tokens::SUBJECT_CLIENT;
use crate::App;

/// OAuth2 client credentials (RFC 6749 §4.4) for other systems: an access token limited to
/// the scopes the client holds (and, if `scope` is given, to those asked for).
pub async fn client_token(
    app: &App,
    meta: RequestMeta,
    form: ClientTokenRequest,
) -> Result<ClientTokenResponse, AppError> {
    if form.grant_type != "client_credentials" {
        return Err(hoso_domain::FieldError::new(
            "grant_type",
            "unsupported_grant_type",
            "Chỉ hỗ trợ grant_type=client_credentials.",
        )
        .into());
    }

    let lookup = form.client_id.clone();
    let client = app
        .db(move |conn| Ok(api_clients::find_by_client_id(conn, &lookup)?))
        .await?;
    let valid = client.as_ref().is_some_and(|c| {
        c.status == "active" && secrets::digests_match(&c.secret_hash, &secrets::digest(&form.client_secret))
    });
    let mut event = meta.anonymous_event("auth.client_token", if valid { "success" } else { "failure" });
    event.details = Some(serde_json::json!({ "client_id": form.client_id }).to_string());
    let Some(client) = client.filter(|_| valid) else {
        app.db(move |conn| crate::audit::record(conn, event)).await?;
        return Err(AppError::InvalidClient);
    };
    let held: Vec<&str> = client.scopes.split_whitespace().collect();
    let granted: Vec<&str> = match form.scope.as_deref() {
        Some(asked) => asked.split_whitespace().collect(),
        None => held.clone(),
    };
    if let Some(unknown) = granted.iter().find(|s| !held.contains(s)) {
        return Err(hoso_domain::FieldError::new(
            "scope",
            "invalid_scope",
            format!("Ứng dụng không được cấp phạm vi '{unknown}'."),
        )
        .into());
    }
    let scope = granted.join(" ");
    event.actor_type = "api_client".into();
    event.actor_id = Some(client.id.clone());
    event.actor_name = Some(client.client_id.clone());
    app.db(move |conn| crate::audit::record(conn, event)).await?;
    let access_token = app.auth.jwt.issue(
        &client.id,
        SUBJECT_CLIENT,
        client.auth_version,
        Some(scope.clone()),
        None,
        app.auth.access_ttl,
    );
    Ok(ClientTokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: app.auth.access_ttl.as_secs() as i64,
        scope,
    })
}

use hoso_api_types::accounts::ApiClientView;
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Every API client (administrators with `manage_api_clients`). Secrets are never shown.
pub async fn list_api_clients(app: &App, session: Session) -> Result<Vec<ApiClientView>, AppError> {
    check_manage_api_clients(&session.actor)?;
    let rows = app.db(|conn| Ok(api_clients::list(conn)?)).await?;
    Ok(rows.iter().map(views::api_client).collect::<Vec<_>>())
}

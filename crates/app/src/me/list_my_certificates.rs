use hoso_api_types::workflow::CertificateView;
use hoso_store::signing;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's signing certificates (CTX-5), newest first, revoked ones included.
pub async fn list_my_certificates(app: &App, session: Session) -> Result<Vec<CertificateView>, AppError> {
    let rows = app
        .db(move |conn| Ok(signing::certificates_of(conn, &session.actor.account_id)?))
        .await?;
    let views: Vec<CertificateView> = rows.iter().map(crate::views::certificate).collect();
    Ok(views)
}

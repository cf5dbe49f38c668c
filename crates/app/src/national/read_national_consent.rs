use hoso_api_types::national::NationalConsentView;
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The written consent the connection runs under (INT-3), if one was recorded.
pub async fn read_national_consent(
    app: &std::sync::Arc<App>,
    session: Session,
) -> Result<NationalConsentView, AppError> {
    check_national_sync(&session.actor)?;
    let shared = app.clone();
    app.db(move |conn| Ok(super::consent::view(&shared, super::consent::current(conn)?)))
        .await
}

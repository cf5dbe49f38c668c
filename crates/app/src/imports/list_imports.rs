use hoso_api_types::imports::ImportView;
use hoso_domain::access::Scope;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's imports, newest first (Sở Nội vụ: everyone's); at most 100, each without its
/// issues (read one import for them).
pub async fn list_imports(app: &App, session: Session) -> Result<Vec<ImportView>, AppError> {
    super::require_importer(&session)?;
    app.db(move |conn| {
        let mine =
            (!matches!(session.actor.scope, Scope::Province)).then_some(session.actor.account_id.as_str());
        let rows = hoso_store::imports::list(conn, mine, 100)?;
        rows.into_iter()
            .map(|row| {
                let row = hoso_store::imports::ImportRow {
                    issues: "[]".into(),
                    ..row
                };
                super::view(conn, row)
            })
            .collect()
    })
    .await
}

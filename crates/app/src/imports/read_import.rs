use hoso_api_types::imports::ImportView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct ImportQuery {
    /// While committing, wait (up to 25 seconds) for the commit to end before answering.
    pub wait: Option<bool>,
}

/// One import: the dry run's counts and issues, and while committing the progress and what was
/// written so far; with `wait`, answered when the commit ends. The uploader's, or any for Sở
/// Nội vụ; others 404.
pub async fn read_import(
    app: &App,
    session: Session,
    id: String,
    query: ImportQuery,
) -> Result<ImportView, AppError> {
    let session = std::sync::Arc::new(session);
    let load = || {
        let (session, id) = (session.clone(), id.clone());
        app.db(move |conn| {
            let row = super::load_visible(conn, &session, &id)?;
            super::view(conn, row)
        })
    };
    if query.wait == Some(true) {
        crate::jobs::wait_while(app, load, |view: &ImportView| {
            view.status == hoso_store::imports::COMMITTING
        })
        .await
    } else {
        load().await
    }
}

use hoso_api_types::dossiers::DiffView;
use hoso_domain::dossier::diff::diff;
use hoso_domain::dossier::protection::redact;
use hoso_store::dossiers;
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Field-by-field differences between two versions, or a version and the draft (what a reviewer
/// checks against the paper originals). Only fields within the reader's level are compared.
pub async fn read_dossier_diff(
    app: &App,
    session: Session,
    id: String,
    query: DiffQuery,
) -> Result<DiffView, AppError> {
    let (from, to) = (query.from.unwrap_or(0), query.to.unwrap_or(0));
    let keys = app.data_keys.clone();
    let view = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let dossier_id = r.found.dossier.id.clone();
            let mut side = |number: i32, draft_when_zero: bool| -> Result<Value, AppError> {
                let whole = match (number, draft_when_zero) {
                    (0, false) => Value::Object(Default::default()),
                    (0, true) => {
                        let draft = dossiers::draft(conn, &dossier_id)?;
                        super::open_content(&keys, &draft.content, draft.sealed.as_deref())?
                    }
                    (n, _) => {
                        let v = dossiers::version(conn, &dossier_id, n)?.ok_or(AppError::NotFound)?;
                        super::open_content(&keys, &v.content, v.sealed.as_deref())?
                    }
                };
                Ok(redact(&whole, r.level))
            };
            let before = side(from, false)?;
            let after = side(to, true)?;
            Ok(DiffView {
                from,
                to,
                changes: diff(&before, &after),
            })
        })
        .await?;
    Ok(view)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DiffQuery {
    /// Version number; 0 (default) for an empty dossier.
    pub from: Option<i32>,
    /// Version number; 0 (default) for the current draft.
    pub to: Option<i32>,
}

use hoso_api_types::imports::ImportIssue;

use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The uploaded workbook handed back with every refused cell filled and noted (message and
/// code) and a sheet «Lỗi» listing row, column, code and message of each.
pub async fn download_marked_workbook(app: &App, session: Session, id: String) -> Result<File, AppError> {
    let blobs = app.blobs.clone();
    app.db(move |conn| {
        let row = super::load_visible(conn, &session, &id)?;
        let kind = super::kind(&row.kind)?;
        let bytes = blobs.get(&row.sha256)?;
        let book = super::workbook::read(kind, &row.file_name, &bytes)?;
        let issues: Vec<ImportIssue> = serde_json::from_str(&row.issues)
            .map_err(|e| AppError::Internal(format!("import {} issues: {e}", row.id)))?;
        let stem = row
            .file_name
            .rsplit_once('.')
            .map_or(row.file_name.as_str(), |(s, _)| s);
        Ok(File {
            name: format!("{stem}-da-kiem-tra.xlsx"),
            content_type: super::sheets::XLSX.into(),
            bytes: super::sheets::marked(&book, &issues)?,
            inline: false,
        })
    })
    .await
}

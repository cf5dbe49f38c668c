//! Files an operation answers with: a stored document, a printed dossier, a table as CSV, Excel
//! or PDF. The HTTP layer only adds the headers.

use crate::error::AppError;
use crate::export::{FileFormat, Table};
use crate::App;

/// A file and how a browser should treat it.
#[derive(Debug, Clone)]
pub struct File {
    pub name: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    /// Shown in the browser (a scan, a printout) rather than saved (an export).
    pub inline: bool,
}

/// A stored document's bytes, read off the document store on the blocking pool.
pub async fn document(app: &App, row: hoso_store::documents::DocumentRow) -> Result<File, AppError> {
    let blobs = app.blobs.clone();
    let sha256 = row.sha256.clone();
    let bytes = tokio::task::spawn_blocking(move || blobs.get(&sha256))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("document {} unreadable: {e}", row.id)))?;
    // Only a decoded image is shown in place; anything else (a PDF) is saved, never rendered
    // inside hoso's origin (issue #19, defect 8).
    let inline = row.content_type.starts_with("image/");
    Ok(File {
        name: row.file_name,
        content_type: row.content_type,
        bytes,
        inline,
    })
}

/// A table as a file named `stem` in `format`, to save.
pub fn table(table: &Table, format: FileFormat, stem: &str) -> Result<File, AppError> {
    let (bytes, content_type, extension) = crate::export::render(table, format)?;
    Ok(File {
        name: format!("{stem}.{extension}"),
        content_type: content_type.into(),
        bytes,
        inline: false,
    })
}

/// A listing the caller asked for as a page (JSON) or as a file (`format=csv|xlsx|pdf`).
pub enum PageOrFile<T> {
    Page(T),
    File(File),
}

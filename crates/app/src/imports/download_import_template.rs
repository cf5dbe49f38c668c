use crate::error::AppError;
use crate::files::File;
use crate::session::Session;
use crate::App;

/// The empty template of an import kind (`staff`): Vietnamese headers in the form's order,
/// drop-down lists of the catalogues in force, date and text formats, and instructions.
pub async fn download_import_template(app: &App, session: Session, kind: String) -> Result<File, AppError> {
    super::require_importer(&session)?;
    let kind = super::kind(&kind)?;
    let catalogs = app.db(crate::catalogs::index).await?;
    Ok(File {
        name: format!("mau-nhap-{}.xlsx", kind.file_stem()),
        content_type: super::sheets::XLSX.into(),
        bytes: super::sheets::template(kind, &catalogs)?,
        inline: false,
    })
}

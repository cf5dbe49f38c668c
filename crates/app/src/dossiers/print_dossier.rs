use hoso_domain::dossier::protection::redact;
use hoso_store::{documents, dossiers, units};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::files::File;
use crate::print::{dossier_pdf, pdf::jpeg_size, PrintHeader};
use crate::session::Session;
use crate::App;

#[derive(Debug, Deserialize, IntoParams)]
pub struct PrintQuery {
    /// Version to print; default the latest approved one, or the draft before any approval.
    pub version: Option<i32>,
}

/// The personal-history form of a readable dossier as a PDF, with only the fields the reader's
/// level allows: an approved version, or the draft (`version` 0); recorded as `dossier.printed`.
pub async fn print_dossier(
    app: &App,
    session: Session,
    id: String,
    query: PrintQuery,
) -> Result<File, AppError> {
    let keys = app.data_keys.clone();
    let blobs = app.blobs.clone();
    let (bytes, number) = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.printed")?;
            let dossier = &r.found.dossier;
            let (whole, status_line) = match query.version.unwrap_or(dossier.current_version) {
                0 => {
                    let draft = dossiers::draft(conn, &dossier.id)?;
                    let whole = super::open_content(&keys, &draft.content, draft.sealed.as_deref())?;
                    (
                        whole,
                        format!("Bản khai chưa phê duyệt (lần lưu thứ {})", draft.revision),
                    )
                }
                n => {
                    let v = dossiers::version(conn, &dossier.id, n)?.ok_or(AppError::NotFound)?;
                    let whole = super::open_content(&keys, &v.content, v.sealed.as_deref())?;
                    (
                        whole,
                        format!("Phiên bản {n} đã phê duyệt — SHA-256 {}…", &v.content_hash[..16]),
                    )
                }
            };
            let bytes = render(conn, blobs.as_ref(), &r, &whole, status_line, None)?;
            Ok((bytes, dossier.dossier_number.clone()))
        })
        .await?;
    Ok(File {
        name: format!("{number}.pdf"),
        content_type: "application/pdf".into(),
        bytes,
        inline: true,
    })
}

/// The form of `whole` as the reader `r` may see it, as a PDF; with `signed`, the signatures
/// page and the embedded signed export.
pub fn render(
    conn: &mut hoso_store::DbConnection,
    blobs: &dyn hoso_store::documents::BlobStore,
    r: &super::Readable,
    whole: &serde_json::Value,
    status_line: String,
    signed: Option<crate::print::SignedAppendix<'_>>,
) -> Result<Vec<u8>, AppError> {
    let dossier = &r.found.dossier;
    let content = super::typed(&redact(whole, r.level))?;
    // The managing agency is the unit right under the province on the person's path.
    let agency_id = r.found.unit_path.split('/').filter(|s| !s.is_empty()).nth(1);
    let managing_agency = match agency_id {
        Some(agency) => units::find(conn, agency)?.map_or_else(String::new, |u| u.name),
        None => r.found.unit_name.clone(),
    };
    let photo = match content.photo_document_id.as_deref() {
        Some(photo) => documents::find(conn, photo)?
            .map(|(d, _)| d)
            .filter(|d| d.content_type == "image/jpeg")
            .and_then(|d| blobs.get(&d.sha256).ok()),
        None => None,
    };
    let photo = photo.and_then(|bytes| jpeg_size(&bytes).map(|(w, h)| (bytes, w, h)));
    let header = PrintHeader {
        managing_agency,
        employing_unit: r.found.unit_name.clone(),
        dossier_number: dossier.dossier_number.clone(),
        national_identifier: dossier.national_identifier.clone(),
        national_dossier_code: dossier.national_dossier_code.clone(),
        status_line,
        job_position_name: match content.salary.job_position.as_deref() {
            Some(code) => {
                hoso_store::positions::find_by_code(conn, &r.found.person.unit_id, code)?.map(|p| p.name)
            }
            None => None,
        },
    };
    let catalogs = crate::catalogs::index_for(conn, &content)?;
    let bytes = dossier_pdf(
        &header,
        &content,
        &catalogs,
        photo.as_ref().map(|(b, w, h)| (b.as_slice(), *w, *h)),
        signed,
    );
    Ok(bytes)
}

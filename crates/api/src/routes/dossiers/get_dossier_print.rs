use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, web, HttpResponse};
use hoso_domain::dossier::protection::redact;
use hoso_store::{documents, dossiers, units};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::print::{dossier_pdf, pdf::jpeg_size, PrintHeader};
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct PrintQuery {
    /// Version to print; default the latest approved one, or the draft before any approval.
    pub version: Option<i32>,
}

/// The personal-history form as a PDF laid out like the official one (Vietnamese text in an
/// embedded font, the photo in its frame), with only the fields the reader's level allows.
/// Recorded as `dossier.printed`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id"), PrintQuery),
    responses((status = 200, description = "The form.", content_type = "application/pdf")),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/print")]
pub async fn get_dossier_print(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<PrintQuery>,
) -> Result<HttpResponse, HttpError> {
    let keys = state.data_keys.clone();
    let blobs = state.blobs.clone();
    let (bytes, number) = state
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
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(format!("{number}.pdf"))],
        })
        .body(bytes))
}

/// The form of `whole` as the reader `r` may see it, as a PDF; with `signed`, the signatures
/// page and the embedded signed export.
pub(crate) fn render(
    conn: &mut hoso_store::DbConnection,
    blobs: &dyn hoso_store::documents::BlobStore,
    r: &super::Readable,
    whole: &serde_json::Value,
    status_line: String,
    signed: Option<hoso_app::print::SignedAppendix<'_>>,
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
    };
    let catalogs = hoso_app::catalogs::index_for(conn, &content)?;
    let bytes = dossier_pdf(
        &header,
        &content,
        &catalogs,
        photo.as_ref().map(|(b, w, h)| (b.as_slice(), *w, *h)),
        signed,
    );
    Ok(bytes)
}

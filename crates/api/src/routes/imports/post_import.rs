use actix_web::{post, web, HttpResponse};
use hoso_api_types::imports::ImportView;
use hoso_app::imports::ImportUpload;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ImportQuery {
    /// The kind of import: `staff`.
    #[param(example = "staff")]
    pub kind: String,
    /// The file's name as the person chose it, e.g. `nhan-su-so-y-te.xlsx`.
    #[param(example = "nhan-su-so-y-te.xlsx")]
    pub file_name: String,
}

/// Uploads a workbook (.xlsx, or a .csv of the main sheet) as the request body and runs the
/// dry run: every cell read for its column (a date as an Excel serial, a date cell or
/// dd/mm/yyyy text; a catalogue value as its code or its label; text trimmed and in Unicode
/// NFC), every person checked as a draft save checks them, plus the checks across rows (a
/// citizen ID twice, a section row whose person is not on «Nhân sự») and the caller's rights
/// over each unit. Nothing is written to any dossier; the file is kept as a document and the
/// result recorded (`GET /imports/{id}`, `GET /imports/{id}/marked`). A file that cannot be an
/// import at all is refused with 422 on `file` and nothing is stored: `empty_file`,
/// `not_a_workbook`, `workbook_too_large` (over 400 MB uncompressed or a compression ratio
/// over 400 in a part over 1 MB), `too_many_columns` (over 64), `too_many_rows` (over 300,000 per sheet, as
/// declared or as read), `merged_header`, `missing_column`, `duplicate_column`,
/// `duplicate_sheet`, `missing_sheet`, `no_known_sheet`, `not_utf8` (CSV).
#[utoipa::path(
    tag = super::TAG,
    params(ImportQuery),
    request_body(content = Vec<u8>, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", description = "The workbook's bytes; also text/csv."),
    responses(
        (status = 201, description = "Checked; nothing written to any dossier.", body = ImportView),
        (status = 403, description = "Not an account that may import."),
        (status = 413, description = "`payload_too_large`: over HOSO_MAX_IMPORT_BYTES (200 MB by default).", body = hoso_api_types::ErrorBody),
        (status = 422, description = "The file cannot be read as an import (codes above, on `file`); `invalid_choice` on `kind`; `invalid` on `file_name`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/imports")]
pub async fn post_import(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ImportQuery>,
    body: web::Payload,
) -> Result<HttpResponse, HttpError> {
    let bytes = crate::upload::read_limited(body, state.max_import_bytes).await?;
    let query = query.into_inner();
    let upload = ImportUpload {
        kind: query.kind,
        file_name: query.file_name,
        bytes,
    };
    let view = hoso_app::imports::check_import(&state, session.0, upload).await?;
    Ok(HttpResponse::Created().json(view))
}

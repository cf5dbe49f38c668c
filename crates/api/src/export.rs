//! Tables as file downloads; the files themselves are rendered by `hoso_app::export`.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
pub use hoso_app::export::{Cell, FileFormat, Table};

use crate::error::HttpError;

/// The table as a file download named `stem`.
pub fn respond(table: &Table, format: FileFormat, stem: &str) -> Result<HttpResponse, HttpError> {
    let (bytes, content_type, extension) = hoso_app::export::render(table, format)?;
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(format!("{stem}.{extension}"))],
        })
        .body(bytes))
}

//! Files as HTTP answers: the file comes from an operation (`hoso_app::files`), never cached.

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::HttpResponse;
use hoso_app::files::File;

/// The file as the answer: shown inline or downloaded, under its name.
pub fn file_response(file: File) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(file.content_type)
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: if file.inline {
                DispositionType::Inline
            } else {
                DispositionType::Attachment
            },
            parameters: vec![DispositionParam::Filename(file.name)],
        })
        .body(file.bytes)
}

/// A page as JSON, or the file the caller asked for instead.
pub fn page_or_file<T: serde::Serialize>(answer: hoso_app::files::PageOrFile<T>) -> HttpResponse {
    match answer {
        hoso_app::files::PageOrFile::Page(page) => HttpResponse::Ok().json(page),
        hoso_app::files::PageOrFile::File(file) => file_response(file),
    }
}

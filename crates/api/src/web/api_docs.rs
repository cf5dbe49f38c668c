//! The interactive API documentation at `/api/docs` (Swagger UI). Its assets come from the
//! static directory, where the SPA build copies them from npm's `swagger-ui-dist`: government
//! intranets have no CDN, so nothing is loaded from elsewhere.

use actix_files::NamedFile;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// The files the page loads, and nothing else, are served from `<static dir>/api-docs/`.
const ASSETS: &[&str] = &["swagger-ui.css", "swagger-ui-bundle.js", "init.js"];

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/api/docs", web::get().to(page))
        .route("/api/docs/", web::get().to(page))
        .route("/api/docs/{asset}", web::get().to(asset));
}

async fn page() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_SECURITY_POLICY,
            super::headers::DOCS_POLICY,
        ))
        .body(PAGE)
}

async fn asset(
    req: HttpRequest,
    name: web::Path<String>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let name = name.into_inner();
    if !ASSETS.contains(&name.as_str()) {
        return Err(AppError::NotFound.into());
    }
    let path = state.static_dir.join("api-docs").join(&name);
    let file = NamedFile::open(&path).map_err(|_| AppError::NotFound)?;
    Ok(file.into_response(&req))
}

const PAGE: &str = r#"<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tài liệu API — hoso</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
"#;

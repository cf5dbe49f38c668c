use actix_web::{get, web, HttpResponse};

use crate::openapi::OpenApiJson;

/// This document: the OpenAPI 3.1 description of every endpoint.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The OpenAPI document.", content_type = "application/json"))
)]
#[get("/openapi.json")]
pub async fn get_openapi(document: web::Data<OpenApiJson>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}

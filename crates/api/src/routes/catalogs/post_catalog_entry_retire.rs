use actix_web::{post, web, HttpResponse};
use hoso_api_types::catalogs::{CatalogEntryView, RetireCatalogEntryRequest};
use hoso_domain::catalog::{check_administer_catalogs, unknown_code};
use hoso_domain::FieldError;
use hoso_store::catalogs;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// End an entry's validity (administrators with `administer_catalogs`), optionally naming its
/// successor. The entry stays: records made while it applied still show its label. Audited.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("kind" = String, Path, description = "Catalogue kind"),
        ("code" = String, Path, description = "Entry code"),
    ),
    request_body = RetireCatalogEntryRequest,
    responses((status = 200, description = "Retired.", body = CatalogEntryView)),
    security(("bearer" = []))
)]
#[post("/catalogs/{kind}/entries/{code}/retire")]
pub async fn post_catalog_entry_retire(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<RetireCatalogEntryRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let ((kind, code), body) = (path.into_inner(), body.into_inner());
    let view = state
        .db(move |conn| {
            let catalog = super::load(conn, &kind)?;
            let mut event = session.event("catalog.entry_retired");
            event.target_type = Some("catalog".into());
            event.target_id = Some(format!("{kind}/{code}"));
            event.right_used = Some("administer_catalogs".into());
            event.reason = Some(body.reason.clone());
            if let Err(denial) = check_administer_catalogs(&session.actor) {
                return Err(hoso_app::audit::refuse(conn, event, denial));
            }
            let entry = catalogs::find_entry(conn, &kind, &code)?.ok_or(AppError::NotFound)?;
            if entry.valid_from.is_some_and(|from| body.valid_to < from) {
                return Err(FieldError::new(
                    "valid_to",
                    "before_start",
                    "Ngày hết hiệu lực phải sau ngày mục này có hiệu lực.",
                )
                .into());
            }
            let successor_kind = catalog.successor_kind.as_deref().unwrap_or(&kind);
            if let Some(successor) = body.replaced_by.as_deref() {
                if successor == code || catalogs::find_entry(conn, successor_kind, successor)?.is_none() {
                    return Err(unknown_code("replaced_by", successor).into());
                }
            }
            catalogs::retire(conn, &kind, &code, body.valid_to, body.replaced_by.as_deref())?;
            event.details = Some(serde_json::json!({"valid_to": body.valid_to}).to_string());
            hoso_app::audit::record(conn, event)?;
            let row = catalogs::find_entry(conn, &kind, &code)?.ok_or(AppError::NotFound)?;
            Ok(hoso_app::views::catalog_entry(&row))
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}

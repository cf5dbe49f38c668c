use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{CategoryChangeRequest, CategoryPeriodView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Change a person's employment category on a decision (ORG-2), e.g. a contract worker
/// recruited as a public employee: the period in force ends the day the new one starts; the
/// decision and its scan are required; audited. Requires `update_dossiers` over the person's
/// unit. Reports as of any day count the category of that day.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Person id")),
    request_body(content = CategoryChangeRequest, example = json!({"category": "public_employee", "starts_on": "2026-09-01", "decision": {"number": "45/QĐ-SGDĐT", "date": "2026-08-25", "signer": "Giám đốc Sở Giáo dục và Đào tạo", "document_id": "…"}})),
    responses(
        (status = 201, description = "Changed; the whole history.", body = [CategoryPeriodView]),
        (status = 422, description = "A field failed; `starts_on` must come after the current period began.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/people/{id}/categories")]
pub async fn post_person_category(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<CategoryChangeRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::people::create_person_category(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Created().json(result))
}

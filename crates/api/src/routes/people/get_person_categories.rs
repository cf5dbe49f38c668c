use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::CategoryPeriodView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A person's employment category through time (ORG-2), the earliest period first, each with
/// the decision that began it. Readable by whoever may read the person.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Person id")),
    responses((status = 200, description = "The periods.", body = [CategoryPeriodView], example = json!([{"category": "contract_worker", "contract_type": "XDTH", "contract_ends_on": "2027-08-31", "valid_from": "2025-09-01", "valid_to": "2026-09-01", "decision_number": "12/HĐLĐ", "decision_date": "2025-08-25", "decision_signer": "Hiệu trưởng", "decision_document_id": "…"}]))),
    security(("bearer" = []))
)]
#[get("/people/{id}/categories")]
pub async fn get_person_categories(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::people::list_person_categories(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

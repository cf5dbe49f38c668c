use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::CategoryPeriodView;
use hoso_domain::access::{check_read_person, UnitPath};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

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
    let id = id.into_inner();
    let periods = state
        .db(move |conn| {
            let (person, path) =
                hoso_store::people::find_with_unit_path(conn, &id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&path).map_err(AppError::Internal)?;
            check_read_person(&session.actor, &person.id, &path)?;
            Ok(super::periods(conn, &person.id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(periods))
}

use actix_web::{put, web, HttpResponse};
use hoso_api_types::national::{NationalConsentRequest, NationalConsentView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Records the written consent the connection runs under (INT-3), replacing the one before:
/// the decision's number, date, signer and scanned copy (required), and whether it covers the
/// sensitive group. Without one, messages end `dead` with `consent_missing` and arrivals and
/// reconciliations are refused (409 `national_consent_missing`); recording it queues those
/// messages again in their order. Audited `national.consent_recorded`.
#[utoipa::path(
    tag = super::TAG,
    request_body = NationalConsentRequest,
    responses(
        (status = 200, description = "Recorded.", body = NationalConsentView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "A field of the decision: `decision.document_id` `required` or `unknown_document`, number or signer empty.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[put("/national-sync/consent")]
pub async fn put_national_consent(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NationalConsentRequest>,
) -> Result<HttpResponse, HttpError> {
    let consent =
        hoso_app::national::record_national_consent(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(consent))
}

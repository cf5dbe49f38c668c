use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::{NationalRecordRequest, NationalRecordView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Reads an arriving person's record from the national database by citizen ID (TRF-3, DOS-5),
/// for Sở Nội vụ, who fulfils the arrival. The record is kept with the transfer (the latest read
/// counts); fulfilling the arrival (`POST /transfers/{id}/accept`) then opens the person's
/// dossier with it as the first draft and keeps their national identifier, and the form marks
/// the items that came from the national database. The exchange is kept in the national message
/// log; audited `national.record_pulled`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Transfer id (a pending arrival)", example = "3f9a0c1e-…")),
    request_body = NationalRecordRequest,
    responses(
        (status = 201, description = "The national record, as the form's content at the reader's level.", body = NationalRecordView),
        (status = 403, description = "Only Sở Nội vụ fulfils an arrival.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such transfer.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`invalid_state`: not a pending arrival; `national_not_configured`: no connection; `national_refused`: the platform refused (the reason in Vietnamese); `national_record_unreadable`: the record does not fit the form.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`citizen_id`: `invalid_format` (not 12 digits) or `not_in_national_database`.", body = hoso_api_types::ErrorBody),
        (status = 503, description = "The platform did not answer.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/transfers/{id}/national-record")]
pub async fn post_transfer_national_record(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<NationalRecordRequest>,
) -> Result<HttpResponse, HttpError> {
    let record =
        hoso_app::national::pull_national_record(&state.app, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Created().json(record))
}

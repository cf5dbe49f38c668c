use actix_web::{post, web, HttpResponse};
use hoso_api_types::transfers::{CompleteTransfer, TransferView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Complete a move that waits for a second party: the receiving agency accepts a move between
/// agencies (TRF-2) — from that moment the person, their dossier and their personal account
/// answer to it and no longer to the sender; Sở Nội vụ fulfils an arrival (TRF-3: the person is
/// created in the receiving unit, with the national database's export attached; when their
/// national record was read with `POST /transfers/{id}/national-record`, their dossier is opened
/// with it as the first draft and keeps their national identifier — 409 `citizen_id_taken` when a
/// dossier of the province already holds that citizen ID) or records that a departure's data
/// moved (TRF-4).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Transfer id")),
    request_body = CompleteTransfer,
    responses(
        (status = 200, description = "Completed.", body = TransferView),
        (status = 409, description = "`invalid_state`: not pending; `citizen_id_taken`: the arrival's national record names a citizen ID a dossier of the province holds.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/transfers/{id}/accept")]
pub async fn post_transfer_accept(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<CompleteTransfer>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::transfers::accept_transfer(&state.app, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}

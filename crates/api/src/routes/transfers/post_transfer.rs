use actix_web::{post, web, HttpResponse};
use hoso_api_types::transfers::{NewTransfer, TransferView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// File a move with its decision (TRF-1…5), by the HR unit over the person's unit
/// (`update_dossiers`). Within the agency it is done at once (the person and their personal
/// account move). Between agencies it waits for the receiving agency to accept. An arrival
/// from outside the province asks Sở Nội vụ to pull the person's data; a departure closes the
/// person's account, archives the dossier and asks Sở Nội vụ to move the national data. A
/// secondment lasts until `until_on`; retirement, resignation, dismissal and death close the
/// account and archive the dossier. Each is due in working days from `effective_on`.
#[utoipa::path(
    tag = super::TAG,
    request_body = NewTransfer,
    responses(
        (status = 201, description = "Filed (and done, where no second party is needed).", body = TransferView),
        (status = 409, description = "`dossier_archived` or `transfer_pending`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/transfers")]
pub async fn post_transfer(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NewTransfer>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::transfers::create_transfer(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::transfers::TransferView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A seconded person comes back to active service (TRF-5), recorded on the secondment.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Transfer id of the secondment")),
    responses(
        (status = 200, description = "Back in active service.", body = TransferView),
        (status = 409, description = "`invalid_state`: not a secondment in progress.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/transfers/{id}/return")]
pub async fn post_transfer_return(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::transfers::return_transfer(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

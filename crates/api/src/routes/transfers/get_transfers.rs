use actix_web::{get, web, HttpResponse};
use hoso_api_types::transfers::TransferView;
use hoso_app::transfers::list_transfers::TransferQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Pending moves for the caller, the earliest due first.
#[utoipa::path(
    tag = super::TAG,
    params(TransferQuery),
    responses((status = 200, description = "Transfers.", body = [TransferView])),
    security(("bearer" = []))
)]
#[get("/transfers")]
pub async fn get_transfers(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<TransferQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::transfers::list_transfers(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

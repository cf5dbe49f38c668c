use actix_web::{get, web, HttpResponse};
use hoso_api_types::transfers::TransferView;
use hoso_store::transfers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The person's moves, newest first: each with its decision (TRF-1…5).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "Moves.", body = [TransferView])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/transfers")]
pub async fn get_dossier_transfers(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let today = state.clock.today();
    let views = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut views = Vec::new();
            for row in transfers::of_person(conn, &r.found.person.id)? {
                views.push(crate::routes::transfers::view(conn, &row, today)?);
            }
            Ok(views)
        })
        .await?;
    Ok(HttpResponse::Ok().json(views))
}

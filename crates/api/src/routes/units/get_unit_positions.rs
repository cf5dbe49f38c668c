use actix_web::{get, web, HttpResponse};
use hoso_api_types::units::PositionView;
use hoso_store::positions;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The unit's job positions (ORG-3) with their posts, holders and vacancies. Within the
/// reader's scope.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    responses((status = 200, description = "Positions by code.", body = [PositionView])),
    security(("bearer" = []))
)]
#[get("/units/{id}/positions")]
pub async fn get_unit_positions(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let id = id.into_inner();
    let actor = session.actor.clone();
    let list = state
        .db(move |conn| {
            let unit = super::load_visible(conn, &actor, &id)?;
            let rows = positions::of_unit(conn, &unit.id)?;
            Ok(rows
                .into_iter()
                .map(|(p, holders)| hoso_app::views::position(p, holders))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(list))
}

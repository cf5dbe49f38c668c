use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::units::{MoveUnitRequest, UnitRef};
use hoso_domain::org::{check_manage_units, check_move};
use hoso_store::units;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Move a unit, with everything below it, under another unit from a date (Sở Nội vụ). Scopes
/// follow at once: the new parent's accounts reach it, the old parent's no longer do.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = MoveUnitRequest,
    responses((status = 200, description = "Moved.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/move")]
pub async fn post_unit_move(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<MoveUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let (id, body) = (id.into_inner(), body.into_inner());
    super::check_not_future(&body.change, state.clock.today())?;
    let moved = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                let parent = super::load(conn, &body.parent_id, "parent_id")?;
                check_move(
                    &super::state(conn, &unit)?,
                    &super::state(conn, &parent)?,
                    body.change.effective_date,
                )?;
                let event = super::record_event(conn, &session, "move", &body.change)?;
                units::move_under(conn, &unit, &parent, body.change.effective_date, &event)?;
                hoso_app::audit::record(
                    conn,
                    super::audit_about(&session, "unit.moved", &unit.id, &body.change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: unit.name,
                })
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(moved))
}

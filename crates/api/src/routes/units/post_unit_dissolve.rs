use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::units::{TreeChange, UnitRef};
use hoso_domain::org::{check_dissolve, check_manage_units};
use hoso_store::{people, units};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Dissolve an empty unit from a date (Sở Nội vụ). Refused while people or sub-units remain:
/// move them first, so no dossier is left without a unit. The unit stays in history.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = TreeChange,
    responses((status = 200, description = "Dissolved.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/dissolve")]
pub async fn post_unit_dissolve(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<TreeChange>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let (id, change) = (id.into_inner(), body.into_inner());
    super::check_not_future(&change, state.clock.today())?;
    let dissolved = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                let staff = people::in_units(conn, std::slice::from_ref(&unit.id))?.len();
                let children = units::current_children(conn, &unit.id)?.len();
                check_dissolve(
                    &super::state(conn, &unit)?,
                    staff,
                    children,
                    change.effective_date,
                )?;
                super::record_event(conn, &session, "dissolve", &change)?;
                units::end(conn, &unit, change.effective_date)?;
                hoso_app::audit::record(
                    conn,
                    super::audit_about(&session, "unit.dissolved", &unit.id, &change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: unit.name,
                })
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(dissolved))
}

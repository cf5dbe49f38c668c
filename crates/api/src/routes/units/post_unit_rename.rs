use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::units::{RenameUnitRequest, UnitRef};
use hoso_domain::org::{check_manage_units, check_rename};
use hoso_store::units;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Rename a unit from a date; the old name stays in its history and in the tree as of earlier
/// days (Sở Nội vụ).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Unit id")),
    request_body = RenameUnitRequest,
    responses((status = 200, description = "Renamed.", body = UnitRef)),
    security(("bearer" = []))
)]
#[post("/units/{id}/rename")]
pub async fn post_unit_rename(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<RenameUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let (id, body) = (id.into_inner(), body.into_inner());
    super::check_not_future(&body.change, state.clock.today())?;
    let renamed = state
        .db(move |conn| {
            conn.transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                check_rename(
                    &super::state(conn, &unit)?,
                    &body.name,
                    body.change.effective_date,
                )?;
                let event = super::record_event(conn, &session, "rename", &body.change)?;
                units::rename(conn, &unit, body.name.trim(), body.change.effective_date, &event)?;
                hoso_app::audit::record(
                    conn,
                    super::audit_about(&session, "unit.renamed", &unit.id, &body.change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: body.name.trim().to_owned(),
                })
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(renamed))
}

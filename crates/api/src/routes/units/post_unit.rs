use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::units::{CreateUnitRequest, UnitRef};
use hoso_domain::org::check_manage_units;
use hoso_domain::recruitment::check_unit_kind;
use hoso_domain::FieldError;
use hoso_store::units::{self, UnitRow};
use hoso_store::DbConnection;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Create a unit of any kind but a province under an existing one, from its effective date
/// (Sở Nội vụ, `manage_units`).
#[utoipa::path(
    tag = super::TAG,
    request_body = CreateUnitRequest,
    responses(
        (status = 201, description = "Created.", body = UnitRef),
        (status = 409, description = "`code_taken`: a unit has this code (codes are never reused).", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`kind` not one of `GET /unit-kinds` (or `province`), `parent_id` unknown or ended, `effective_date` in the future.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/units")]
pub async fn post_unit(
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<CreateUnitRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let body = body.into_inner();
    let today = state.clock.today();
    let created = state
        .db(move |conn| conn.transaction(|conn| create_unit(conn, &session, &body, today)))
        .await?;
    Ok(HttpResponse::Created().json(UnitRef {
        id: created.id,
        name: created.name,
    }))
}

/// The one operation that creates a unit (here, and on approving an agency's proposal): a known
/// kind, an existing parent, a code never used, a date not in the future; the event, the unit
/// and the audit line, inside the caller's transaction.
pub(crate) fn create_unit(
    conn: &mut DbConnection,
    session: &Session,
    body: &CreateUnitRequest,
    today: chrono::NaiveDate,
) -> Result<UnitRow, AppError> {
    check_unit_kind("kind", &body.kind)?;
    super::check_not_future(&body.change, today)?;
    let parent = super::load(conn, &body.parent_id, "parent_id")?;
    if parent.ended_on.is_some() {
        return Err(FieldError::new("parent_id", "unit_ended", "Đơn vị cấp trên không còn tồn tại.").into());
    }
    if units::find_by_code(conn, body.code.trim())?.is_some() {
        return Err(AppError::Conflict {
            code: "code_taken",
            message: "Mã đơn vị đã được dùng (mã không bao giờ dùng lại).".into(),
        });
    }
    let event = super::record_event(conn, session, "create", &body.change)?;
    let unit = units::insert(
        conn,
        body.code.trim(),
        body.name.trim(),
        &body.kind,
        Some(&parent),
        body.change.effective_date,
        Some(&event),
    )?;
    hoso_app::audit::record(
        conn,
        super::audit_about(session, "unit.created", &unit.id, &body.change),
    )?;
    Ok(unit)
}

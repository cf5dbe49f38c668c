use hoso_api_types::units::{CreateUnitRequest, UnitRef};
use hoso_domain::org::check_manage_units;
use hoso_domain::recruitment::check_unit_kind;
use hoso_domain::FieldError;
use hoso_store::units::{self, UnitRow};
use hoso_store::DbConnection;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Create a unit of any kind but a province under an existing one, from its effective date
/// (Sở Nội vụ, `manage_units`).
pub async fn create_unit(app: &App, session: Session, body: CreateUnitRequest) -> Result<UnitRef, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let today = app.clock.today();
    let created = app
        .db(move |conn| conn.write_transaction(|conn| insert_unit(conn, &session, &body, today)))
        .await?;
    Ok(UnitRef {
        id: created.id,
        name: created.name,
    })
}

/// The one operation that creates a unit (here, and on approving an agency's proposal): a known
/// kind, an existing parent, a code never used, a date not in the future; the event, the unit
/// and the audit line, inside the caller's transaction.
pub fn insert_unit(
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
    hoso_domain::org::check_under_parent_since(
        units::founded_on(conn, &parent.id)?,
        body.change.effective_date,
    )?;
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
    crate::audit::record(
        conn,
        super::audit_about(session, "unit.created", &unit.id, &body.change),
    )?;
    Ok(unit)
}

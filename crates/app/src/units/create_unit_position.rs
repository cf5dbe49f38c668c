use hoso_api_types::units::{CreatePositionRequest, PositionView};
use hoso_domain::access::{check_manage_positions, UnitPath};
use hoso_domain::catalog::GRADE_KINDS;
use hoso_store::positions::{self, NewPosition};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Add a job position to a unit (ORG-3): Sở Nội vụ anywhere, an agency within its own subtree
/// (`manage_positions`). Codes are unique within the unit; the required grade or professional
/// title must be a catalogue code in force. Audited.
pub async fn create_unit_position(
    app: &App,
    session: Session,
    id: String,
    body: CreatePositionRequest,
) -> Result<PositionView, AppError> {
    body.validate()?;
    let created = app
        .db(move |conn| {
            let unit = super::load(conn, &id, "unit_id")?;
            let mut event = session.event("position.created");
            event.target_type = Some("unit".into());
            event.target_id = Some(unit.id.clone());
            event.unit_id = Some(unit.id.clone());
            event.right_used = Some("manage_positions".into());
            event.reason = Some(body.reason.clone());
            let path = UnitPath::parse(&unit.path).map_err(AppError::Internal)?;
            if let Err(denial) = check_manage_positions(&session.actor, &path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let required_grade = body
                .required_grade
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty());
            if let Some(code) = required_grade {
                crate::catalogs::require(conn, "required_grade", GRADE_KINDS, code, crate::clock::today())?;
            }
            if positions::of_unit(conn, &unit.id)?
                .iter()
                .any(|(p, _)| p.code == body.code.trim())
            {
                return Err(AppError::Conflict {
                    code: "code_taken",
                    message: "Đơn vị đã có vị trí việc làm mang mã này.".into(),
                });
            }
            let row = positions::insert(
                conn,
                NewPosition {
                    unit_id: &unit.id,
                    code: body.code.trim(),
                    name: body.name.trim(),
                    group: body.group.as_str(),
                    required_grade,
                    posts: body.posts as i32,
                },
            )?;
            crate::audit::record(conn, event)?;
            Ok(crate::views::position(row, Vec::new()))
        })
        .await?;
    Ok(created)
}

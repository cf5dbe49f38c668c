use hoso_api_types::units::{AssignHolderRequest, PositionView};
use hoso_domain::access::{check_manage_positions, UnitPath};
use hoso_domain::FieldError;
use hoso_store::{people, positions, units};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Give a position to a person of its unit (ORG-3); their previous position, if any, is freed.
/// Same authority as creating positions. Audited as about that person.
pub async fn create_position_holder(
    app: &App,
    session: Session,
    id: String,
    body: AssignHolderRequest,
) -> Result<PositionView, AppError> {
    body.validate()?;
    let view = app
        .db(move |conn| {
            let position = positions::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let unit = units::find(conn, &position.unit_id)?.ok_or(AppError::NotFound)?;
            let mut event = session.event("position.assigned");
            event.target_type = Some("person".into());
            event.target_id = Some(body.person_id.clone());
            event.subject_person_id = Some(body.person_id.clone());
            event.unit_id = Some(unit.id.clone());
            event.right_used = Some("manage_positions".into());
            event.reason = Some(body.reason.clone());
            event.details =
                Some(serde_json::json!({"position_id": position.id, "code": position.code}).to_string());
            if let Err(denial) = check_manage_positions(
                &session.actor,
                &UnitPath::parse(&unit.path).map_err(AppError::Internal)?,
            ) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let (person, _) =
                people::find_with_unit_path(conn, &body.person_id)?.ok_or(AppError::NotFound)?;
            if person.unit_id != unit.id {
                return Err(FieldError::new(
                    "person_id",
                    "other_unit",
                    "Người này không thuộc đơn vị có vị trí việc làm này.",
                )
                .into());
            }
            positions::assign(conn, &person.id, Some(&position.id))?;
            crate::audit::record(conn, event)?;
            let (row, holders) = positions::of_unit(conn, &unit.id)?
                .into_iter()
                .find(|(p, _)| p.id == position.id)
                .ok_or(AppError::NotFound)?;
            Ok(crate::views::position(row, holders))
        })
        .await?;
    Ok(view)
}

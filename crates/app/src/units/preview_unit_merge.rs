use hoso_api_types::units::{MergePlan, MergeRequest};
use hoso_domain::org::check_manage_units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Preview a merge without changing anything: who moves from which unit, which sub-units move
/// under the receiving unit, which units end (ORG-4).
pub async fn preview_unit_merge(
    app: &App,
    session: Session,
    body: MergeRequest,
) -> Result<MergePlan, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let plan = app
        .db(move |conn| Ok(super::plan_merge(conn, &body)?.plan))
        .await?;
    Ok(plan)
}

use hoso_api_types::units::{SplitPlan, SplitRequest};
use hoso_domain::org::check_manage_units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Preview a split without changing anything: which new unit each person and sub-unit goes to
/// (ORG-4).
pub async fn preview_unit_split(
    app: &App,
    session: Session,
    body: SplitRequest,
) -> Result<SplitPlan, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let plan = app
        .db(move |conn| Ok(super::plan_split(conn, &body)?.plan))
        .await?;
    Ok(plan)
}

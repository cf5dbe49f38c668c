use hoso_api_types::campaigns::CampaignView;
use hoso_domain::access::AccountKind;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Campaigns of the units in the caller's scope, newest first.
pub async fn list_campaigns(app: &App, session: Session) -> Result<Vec<CampaignView>, AppError> {
    if session.actor.kind == AccountKind::Personal {
        return Err(AppError::Forbidden);
    }
    let today = app.clock.today();
    let rows = app
        .db(move |conn| {
            Ok(hoso_store::campaigns::list(
                conn,
                session.actor.scope.prefix(),
                None,
            )?)
        })
        .await?;
    let views: Vec<CampaignView> = rows
        .iter()
        .map(|(row, name, _)| super::view(row, name, today))
        .collect();
    Ok(views)
}

use hoso_api_types::campaigns::CampaignView;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Update campaigns open today that cover the caller's own person.
pub async fn list_my_campaigns(app: &App, session: Session) -> Result<Vec<CampaignView>, AppError> {
    let today = app.clock.today();
    let views = app
        .db(move |conn| {
            let Some(person) = session.actor.person_id.clone() else {
                return Ok(Vec::new());
            };
            let Some((_, person_path)) = hoso_store::people::find_with_unit_path(conn, &person)? else {
                return Ok(Vec::new());
            };
            Ok(hoso_store::campaigns::list(conn, None, Some(today))?
                .into_iter()
                .filter(|(row, _, path)| crate::campaigns::covers(row, path, &person, &person_path))
                .map(|(row, name, _)| crate::campaigns::view(&row, &name, today))
                .collect::<Vec<CampaignView>>())
        })
        .await?;
    Ok(views)
}

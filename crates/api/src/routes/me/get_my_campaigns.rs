use actix_web::{get, web, HttpResponse};
use hoso_api_types::campaigns::CampaignView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Update campaigns open today that cover the caller's own person.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Open campaigns.", body = [CampaignView])),
    security(("bearer" = []))
)]
#[get("/me/campaigns")]
pub async fn get_my_campaigns(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let today = state.clock.today();
    let views = state
        .db(move |conn| {
            let Some(person) = session.actor.person_id.clone() else {
                return Ok(Vec::new());
            };
            let Some((_, person_path)) = hoso_store::people::find_with_unit_path(conn, &person)? else {
                return Ok(Vec::new());
            };
            Ok(hoso_store::campaigns::list(conn, None, Some(today))?
                .into_iter()
                .filter(|(row, _, path)| crate::routes::campaigns::covers(row, path, &person, &person_path))
                .map(|(row, name, _)| crate::routes::campaigns::view(&row, &name, today))
                .collect::<Vec<CampaignView>>())
        })
        .await?;
    Ok(HttpResponse::Ok().json(views))
}

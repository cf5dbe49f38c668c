use actix_web::{get, web, HttpResponse};
use hoso_api_types::campaigns::CampaignView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Campaigns of the units in the caller's scope, newest first.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Campaigns.", body = [CampaignView])),
    security(("bearer" = []))
)]
#[get("/campaigns")]
pub async fn get_campaigns(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::campaigns::list_campaigns(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}

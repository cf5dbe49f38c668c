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
    let result = hoso_app::me::list_my_campaigns(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}

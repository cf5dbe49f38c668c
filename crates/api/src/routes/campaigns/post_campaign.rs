use actix_web::{post, web, HttpResponse};
use hoso_api_types::campaigns::{CampaignView, NewCampaign};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Open an update campaign (`update_dossiers` over the unit): from today to `closes_on`, the
/// people under the unit (or only `person_ids`, who must be under it) may update `sections`
/// without separate evidence; each of their personal accounts is notified in the app, and the
/// deadline dashboard tracks who has not yet submitted.
#[utoipa::path(
    tag = super::TAG,
    request_body = NewCampaign,
    responses((status = 201, description = "Opened.", body = CampaignView)),
    security(("bearer" = []))
)]
#[post("/campaigns")]
pub async fn post_campaign(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NewCampaign>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::campaigns::create_campaign(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

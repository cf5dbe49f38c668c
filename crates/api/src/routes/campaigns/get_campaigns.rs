use actix_web::{get, web, HttpResponse};
use hoso_api_types::campaigns::CampaignView;
use hoso_domain::access::AccountKind;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Campaigns of the units in the caller's scope, newest first.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Campaigns.", body = [CampaignView])),
    security(("bearer" = []))
)]
#[get("/campaigns")]
pub async fn get_campaigns(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    if session.actor.kind == AccountKind::Personal {
        return Err(AppError::Forbidden.into());
    }
    let today = state.clock.today();
    let rows = state
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
    Ok(HttpResponse::Ok().json(views))
}

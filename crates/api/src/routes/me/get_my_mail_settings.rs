use actix_web::{get, web, HttpResponse};
use hoso_api_types::mail::MailSettingsView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's email address and which kinds of message they receive (account issued, dossier
/// returned, deadline in two working days, signature waiting). Every kind is on until switched
/// off; `delivery_configured` says whether this deployment sends email at all.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The caller's settings.", body = MailSettingsView)),
    security(("bearer" = []))
)]
#[get("/me/mail-settings")]
pub async fn get_my_mail_settings(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::mail::read_my_mail_settings(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}

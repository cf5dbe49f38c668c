use actix_web::{put, web, HttpResponse};
use hoso_api_types::mail::{MailSettingsView, UpdateMailSettings};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Set the caller's email address (empty or absent: none, nothing is sent) and the kinds of
/// message to receive: every kind not in `enabled` is switched off. 422 `email` on `email`
/// for an address that is not one, `unknown_kind` on `enabled[i]`. Audited without the address.
#[utoipa::path(
    tag = super::TAG,
    request_body = UpdateMailSettings,
    responses(
        (status = 200, description = "The settings as saved.", body = MailSettingsView),
        (status = 422, description = "`email` (email), `unknown_kind` (enabled[i]).", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[put("/me/mail-settings")]
pub async fn put_my_mail_settings(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<UpdateMailSettings>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::mail::update_my_mail_settings(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}

use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{SignRequest, SignatureView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Sign the step the review waits for: the head's approval of locked data, which makes the
/// immutable version (WF-3), or Sở Nội vụ's approval for the national database (WF-6/7).
/// Either `cms` — a CMS detached signature over the signing payload's statement, made with a
/// certificate registered to the caller and chaining to a trusted root — or `password` for the
/// built-in signer. Outside the monthly window: 409 `window_closed` with the window's dates
/// (or, under a warn-only profile, signed with a warning).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    request_body = SignRequest,
    responses(
        (status = 201, description = "Signed.", body = SignatureView),
        (status = 409, description = "`window_closed`, `invalid_state`, `no_signing_certificate`, `same_signer`.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "The signature failed a check (`cms`: `content_changed`, `untrusted_certificate`, `certificate_not_valid`, `certificate_not_registered`, …) or the password is wrong.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/approvals/{id}/sign")]
pub async fn post_approval_sign(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<SignRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::approvals::sign_approval(&state.app, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}

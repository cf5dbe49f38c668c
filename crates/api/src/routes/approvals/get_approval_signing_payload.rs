use actix_web::{get, web, HttpResponse};
use base64::Engine;
use hoso_api_types::workflow::SigningPayload;
use hoso_domain::workflow::{signer_for, Action};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// What to sign for the step the review waits for (CTX-5): the approval statement's exact bytes
/// and their SHA-256, for a USB-token plugin or remote signing service, with the signing window.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    responses((status = 200, description = "The statement to sign.", body = SigningPayload)),
    security(("bearer" = []))
)]
#[get("/approvals/{id}/signing-payload")]
pub async fn get_approval_signing_payload(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let today = state.clock.today();
    let payload = state
        .db(move |conn| {
            let loaded = hoso_app::workflow::load(conn, &id)?;
            let (step, statement) = hoso_app::workflow::statement_for(conn, &loaded)?;
            let event = hoso_app::workflow::event(&session, "dossier.signing_payload", &loaded);
            hoso_app::workflow::authorize(conn, &session, &loaded, Action::Sign(step), &event)?;
            let (profile, calendar) = hoso_app::workflow::rules(conn)?;
            let bytes = statement.to_bytes();
            Ok(SigningPayload {
                step,
                statement_base64: base64::engine::general_purpose::STANDARD.encode(&bytes),
                digest_sha256: hoso_signatures::export::sha256_hex(&bytes),
                statement: String::from_utf8(bytes).expect("canonical JSON is UTF-8"),
                content_sha256: statement.content_sha256,
                version: statement.version,
                window: profile.window_status(signer_for(step, &session.actor.scope), today, &calendar),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(payload))
}
